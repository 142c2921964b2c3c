namespace GoKart;

/// <summary>
/// Runs the tasks a build planned: in this process (the default), or elsewhere (a cluster's batch system).
/// The build has already decided what is missing; the executor only decides where and when each task runs,
/// and reports every outcome through the <see cref="ExecutionPlan"/>.
/// </summary>
/// <example>
/// <code>
/// Kart.Build(new Report(), new BuildOptions { Executor = new SlurmExecutor(new SlurmOptions { Partition = "cpu" }) });
/// </code>
/// </example>
public interface ITaskExecutor
{
    /// <summary>Runs (or has run) the plan's tasks; returns when every task has an outcome or none can get one.</summary>
    Task ExecuteAsync(ExecutionPlan plan, CancellationToken cancellationToken);
}
