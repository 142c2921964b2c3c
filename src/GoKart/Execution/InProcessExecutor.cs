namespace GoKart.Execution;

/// <summary>The default executor: every task in this process, on the build's workers.</summary>
internal sealed class InProcessExecutor : ITaskExecutor
{
    public static readonly InProcessExecutor Instance = new();

    public Task ExecuteAsync(ExecutionPlan plan, CancellationToken cancellationToken) => plan.RunAllHereAsync(cancellationToken);
}
