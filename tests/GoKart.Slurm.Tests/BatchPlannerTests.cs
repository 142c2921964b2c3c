using GoKart.Storage;

namespace GoKart.Slurm.Tests;

/// <summary>Batching without a cluster: chains and same-level groups, sizes, time estimates.</summary>
public sealed class BatchPlannerTests
{
    [Fact]
    public async Task Plan_Chain200WithMax50_FourJobsOfFiftyInOrder()
    {
        var tasks = await PlanOfAsync(new Step { Index = 199 });

        var batches = BatchPlanner.Plan(tasks, 50, null, _ => new SlurmResources(), _ => null);

        Assert.Equal([50, 50, 50, 50], batches.Select(b => b.Tasks.Count));
        var indexes = batches.SelectMany(b => b.Tasks).Select(t => ((Step)t.Task).Index).ToList();
        Assert.Equal(Enumerable.Range(0, 200), indexes);
    }

    [Fact]
    public async Task Plan_MaxSizeOne_OneJobPerTask()
    {
        var tasks = await PlanOfAsync(new Fan { Width = 6 });

        var batches = BatchPlanner.Plan(tasks, 1, null, _ => new SlurmResources(), _ => null);

        Assert.Equal(7, batches.Count);
        Assert.All(batches, b => Assert.Single(b.Tasks));
        Assert.Equal("Fan", batches[^1].Tasks[0].Name); // requirements are submitted first
    }

    [Fact]
    public async Task Plan_SameLevelLeaves_GroupedUpToTheSize_RootAlone()
    {
        var tasks = await PlanOfAsync(new Fan { Width = 6 });

        var batches = BatchPlanner.Plan(tasks, 4, null, _ => new SlurmResources(), _ => null);

        Assert.Equal([4, 2, 1], batches.Select(b => b.Tasks.Count));
        Assert.All(batches.Take(2).SelectMany(b => b.Tasks), t => Assert.Equal("Leaf", t.Name));
        Assert.Equal("Fan", Assert.Single(batches[2].Tasks).Name);
    }

    [Fact]
    public async Task Plan_TimeEstimates_CapEachJob()
    {
        var tasks = await PlanOfAsync(new Step { Index = 9 });

        var batches = BatchPlanner.Plan(tasks, 100, TimeSpan.FromSeconds(10), _ => new SlurmResources(), _ => TimeSpan.FromSeconds(3));

        Assert.Equal([3, 3, 3, 1], batches.Select(b => b.Tasks.Count));
    }

    [Fact]
    public async Task Plan_DifferentResources_NeverShareAJob()
    {
        var tasks = await PlanOfAsync(new Fan { Width = 4 });
        var gpu = new SlurmResources { Gpus = "1" };
        var cpu = new SlurmResources();

        var batches = BatchPlanner.Plan(tasks, 10, null, t => t.Task is Leaf { Index: 0 or 1 } ? gpu : cpu, _ => null);

        Assert.Equal(3, batches.Count);
        Assert.All(batches, b => Assert.All(b.Tasks, t => Assert.Same(b.Resources, t.Task is Leaf { Index: 0 or 1 } ? gpu : cpu)));
    }

    [Fact]
    public async Task SlurmExecutor_InMemoryWorkspace_IsAClearErrorBeforeAnythingIsSubmitted()
    {
        var output = new StringWriter();
        var options = new BuildOptions { Store = new InMemoryStore(), Executor = new SlurmExecutor(new SlurmOptions { Output = output, Command = ["false"] }) };

        var error = await Assert.ThrowsAsync<GoKartConfigurationException>(() => Kart.ExecuteAsync(new Step { Index = 1 }, options));

        Assert.Contains("in memory", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    /// <summary>The tasks a build would hand its executor.</summary>
    internal static async Task<IReadOnlyList<ScheduledTask>> PlanOfAsync(TaskOnKart root)
    {
        var capture = new Capture();
        await Kart.ExecuteAsync(root, new BuildOptions { Store = new InMemoryStore(), Executor = capture });
        return capture.Tasks;
    }

    private sealed class Capture : ITaskExecutor
    {
        public IReadOnlyList<ScheduledTask> Tasks { get; private set; } = [];

        public Task ExecuteAsync(ExecutionPlan plan, CancellationToken cancellationToken)
        {
            Tasks = plan.Tasks;
            return Task.CompletedTask;
        }
    }
}

/// <summary>A chain link.</summary>
public sealed class Step : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override Dependencies Requires() => Index > 0 ? new TaskOnKart[] { new Step { Index = Index - 1 } } : Dependencies.None;

    protected override int Run() => Index;
}

/// <summary>A task without requirements.</summary>
public sealed class Leaf : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override int Run() => Index;
}

/// <summary>Width leaves gathered by one task.</summary>
public sealed class Fan : TaskOnKart<int>
{
    public int Width { get; init; }

    protected override Dependencies Requires() => Enumerable.Range(0, Width).Select(i => (TaskOnKart)new Leaf { Index = i }).ToArray();

    protected override int Run() => Width;
}
