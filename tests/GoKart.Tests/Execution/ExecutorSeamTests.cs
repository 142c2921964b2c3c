using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

/// <summary>The <see cref="ITaskExecutor"/> seam: what an executor is handed and what its reports do to the build.</summary>
public sealed class ExecutorSeamTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Executor_GetsOnlyMissingTasks_RequirementsFirst_WithScheduledEdges()
    {
        Kart.Build(new SeamStep { Index = 0 }, new BuildOptions { Workspace = _dir.Path });
        var executor = new Capturing(async (plan, ct) =>
        {
            foreach (var task in plan.Tasks)
            {
                Assert.True(await plan.RunHereAsync(task, ct));
            }
        });

        var output = await Kart.BuildAsync(new SeamStep { Index = 2 }, new BuildOptions { Workspace = _dir.Path, Executor = executor });

        Assert.Equal(3, output); // 0 + 1 + 2, Step 0 read from its earlier output
        var tasks = executor.Tasks!;
        Assert.Equal(["SeamStep:1", "SeamStep:2"], tasks.Select(t => $"{t.Name}:{((SeamStep)t.Task).Index}"));
        Assert.Empty(tasks[0].Dependencies); // Step 0 is complete: not an edge
        Assert.Same(tasks[0], Assert.Single(tasks[1].Dependencies));
        Assert.Same(tasks[1], Assert.Single(tasks[0].Dependents));
        Assert.Same(tasks[1], executor.Root);
    }

    [Fact]
    public async Task Executor_ReportingSuccessElsewhere_BuildReadsTheRootOutputFromTheWorkspace()
    {
        var executor = new Capturing(async (plan, ct) =>
        {
            // Another process builds into the same workspace; this one only hears about it.
            await Kart.BuildAsync(new SeamStep { Index = 3 }, new BuildOptions { Workspace = _dir.Path }, ct);
            foreach (var task in plan.Tasks)
            {
                plan.ReportStarted(task);
                plan.ReportSucceeded(task, TimeSpan.FromSeconds(1));
            }
        });

        var report = await Kart.ExecuteAsync(new SeamStep { Index = 3 }, new BuildOptions { Workspace = _dir.Path, Executor = executor });

        Assert.True(report.Succeeded);
        Assert.Equal(6, report.RootOutput);
        Assert.Equal(4, report.Tasks.Count(t => t.Status == TaskRunStatus.Succeeded));
    }

    [Fact]
    public async Task Executor_ReportingAFailure_FailsTheBuildAndMarksDependentsUpstreamFailed()
    {
        var executor = new Capturing((plan, _) =>
        {
            plan.ReportFailed(plan.Tasks[0], new InvalidOperationException("job 42 failed"));
            Assert.Throws<InvalidOperationException>(() => plan.ReportSucceeded(plan.Tasks[1], null));
            return Task.CompletedTask;
        });

        var report = await Kart.ExecuteAsync(new SeamStep { Index = 2 }, new BuildOptions { Workspace = _dir.Path, Executor = executor });

        Assert.False(report.Succeeded);
        Assert.Equal("job 42 failed", Assert.Single(report.Failures).Exception.Message);
        Assert.Equal([TaskRunStatus.Failed, TaskRunStatus.UpstreamFailed, TaskRunStatus.UpstreamFailed], report.Tasks.OrderBy(t => ((SeamStep)executor.Tasks!.First(s => s.UniqueId == t.UniqueId).Task).Index).Select(t => t.Status));
        Assert.Throws<GoKartBuildException>(report.ThrowIfFailed);
    }

    [Fact]
    public async Task Executor_LeavingTasksUnreported_TheyAreCancelledAndNothingIsRead()
    {
        var executor = new Capturing((_, _) => Task.CompletedTask);

        var report = await Kart.ExecuteAsync(new SeamStep { Index = 1 }, new BuildOptions { Workspace = _dir.Path, Executor = executor });

        Assert.All(report.Tasks, t => Assert.Equal(TaskRunStatus.Cancelled, t.Status));
        Assert.Null(report.RootOutput);
        Assert.Empty(_dir.Files());
    }

    private sealed class Capturing(Func<ExecutionPlan, CancellationToken, Task> body) : ITaskExecutor
    {
        public IReadOnlyList<ScheduledTask>? Tasks { get; private set; }

        public ScheduledTask? Root { get; private set; }

        public Task ExecuteAsync(ExecutionPlan plan, CancellationToken cancellationToken)
        {
            Tasks = plan.Tasks;
            Root = plan.Root;
            return body(plan, cancellationToken);
        }
    }
}

/// <summary>Step n adds n to step n-1.</summary>
public sealed class SeamStep : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override Dependencies Requires() => Index > 0 ? new TaskOnKart[] { new SeamStep { Index = Index - 1 } } : Dependencies.None;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken) =>
        Index == 0 ? 0 : await LoadAsync(new SeamStep { Index = Index - 1 }, cancellationToken) + Index;
}
