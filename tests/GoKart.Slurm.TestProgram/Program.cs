using GoKart;
using GoKart.Slurm;

// The pipelines of the Slurm tests. `--executor slurm` comes from GoKart.Slurm.dll beside the program (no
// registration); "api <workspace> <log-folder>" builds Report through Kart.BuildAsync with a SlurmExecutor.
// GOKART_TEST_FAIL=<task name>-<index> makes that task throw; GOKART_TEST_SLEEP_MS slows every task down.
if (args is ["api", var workspace, var logFolder])
{
    var executor = new SlurmExecutor(new SlurmOptions { Output = Console.Out, LogFolder = logFolder, PollInterval = TimeSpan.FromMilliseconds(200), MaxPollInterval = TimeSpan.FromSeconds(1) });
    var result = await Kart.BuildAsync(new Report(), new BuildOptions { Workspace = workspace, Executor = executor });
    Console.WriteLine("RESULT " + result);
    return 0;
}

return await Kart.RunAsync(args);

/// <summary>What every test task does besides its work: maybe sleep, maybe fail on purpose.</summary>
internal static class Behaviour
{
    public static async Task BeforeAsync(string name, int index, CancellationToken cancellationToken)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("GOKART_TEST_SLEEP_MS"), out var ms) && ms > 0)
        {
            await Task.Delay(ms, cancellationToken);
        }

        if (Environment.GetEnvironmentVariable("GOKART_TEST_FAIL") == $"{name}-{index}")
        {
            throw new InvalidOperationException($"{name} {index} fails on purpose");
        }
    }
}

/// <summary>4 sources.</summary>
public sealed class Source : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Behaviour.BeforeAsync(nameof(Source), Index, cancellationToken);
        return (Index + 1) * 10;
    }
}

/// <summary>2 branches per source (8): the sides of each diamond.</summary>
public sealed class Branch : TaskOnKart<int>
{
    public int Index { get; init; }

    public int Side { get; init; }

    protected override Dependencies Requires() => new TaskOnKart[] { new Source { Index = Index } };

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Behaviour.BeforeAsync(nameof(Branch), (Index * 2) + Side, cancellationToken);
        return await LoadAsync(new Source { Index = Index }, cancellationToken) + Side + 1;
    }
}

/// <summary>Joins the two branches of a source (4): the bottom of each diamond.</summary>
public sealed class Join : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override Dependencies Requires() => new List<TaskOnKart> { new Branch { Index = Index, Side = 0 }, new Branch { Index = Index, Side = 1 } };

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Behaviour.BeforeAsync(nameof(Join), Index, cancellationToken);
        return await LoadAsync(new Branch { Index = Index, Side = 0 }, cancellationToken) * await LoadAsync(new Branch { Index = Index, Side = 1 }, cancellationToken);
    }
}

/// <summary>Fan-in of the 4 joins.</summary>
public sealed class Gather : TaskOnKart<int>
{
    protected override Dependencies Requires() => Enumerable.Range(0, 4).Select(i => (TaskOnKart)new Join { Index = i }).ToList();

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Behaviour.BeforeAsync(nameof(Gather), 0, cancellationToken);
        var sum = 0;
        for (var i = 0; i < 4; i++)
        {
            sum += await LoadAsync(new Join { Index = i }, cancellationToken);
        }

        return sum;
    }
}

/// <summary>2 independent side tasks.</summary>
public sealed class Aux : TaskOnKart<string>
{
    public int Index { get; init; }

    protected override async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        await Behaviour.BeforeAsync(nameof(Aux), Index, cancellationToken);
        return $"aux{Index}";
    }
}

/// <summary>The root: 4 + 8 + 4 + 1 + 2 + 1 = 20 tasks.</summary>
public sealed class Report : TaskOnKart<string>
{
    protected override Dependencies Requires() => new List<TaskOnKart> { new Gather(), new Aux { Index = 0 }, new Aux { Index = 1 } };

    protected override async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        await Behaviour.BeforeAsync(nameof(Report), 0, cancellationToken);
        return $"{await LoadAsync(new Gather(), cancellationToken)}:{await LoadAsync(new Aux { Index = 0 }, cancellationToken)}:{await LoadAsync(new Aux { Index = 1 }, cancellationToken)}";
    }
}

/// <summary>A chain: Link n needs Link n-1.</summary>
public sealed class Link : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override Dependencies Requires() => Index > 0 ? new TaskOnKart[] { new Link { Index = Index - 1 } } : Dependencies.None;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Behaviour.BeforeAsync(nameof(Link), Index, cancellationToken);
        return Index == 0 ? 0 : await LoadAsync(new Link { Index = Index - 1 }, cancellationToken) + Index;
    }
}
