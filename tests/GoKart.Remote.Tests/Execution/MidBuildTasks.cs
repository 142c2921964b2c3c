using System.Collections.Concurrent;
using GoKart.Remote.Tests.Servers;
using GoKart.Storage;

namespace GoKart.Remote.Tests.Execution;

/// <summary>Kills a moto server from inside a build, after noting which objects it held.</summary>
public sealed class S3Outage(MotoServer server, IWorkspaceStore observer)
{
    private readonly TaskCompletionSource _killed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every path in the workspace just before the kill, listed through a store of its own.</summary>
    public IReadOnlyList<string> PathsBeforeKill { get; private set; } = [];

    public Task Killed => _killed.Task;

    public async Task KillAsync()
    {
        var paths = new List<string>();
        await foreach (var entry in observer.ListAsync(string.Empty, CancellationToken.None))
        {
            paths.Add(entry.Path);
        }

        PathsBeforeKill = paths;
        await server.StopAsync();
        _killed.SetResult();
    }
}

/// <summary>Runs per task (by unique id) across builds, and the most runs of one task seen at once.</summary>
public sealed class RunLedger
{
    private readonly ConcurrentDictionary<string, int> _runs = new();
    private readonly ConcurrentDictionary<string, int> _running = new();
    private int _maxOverlap;

    public IReadOnlyDictionary<string, int> Runs => _runs;

    /// <summary>Above 1 means one task ran twice at the same time.</summary>
    public int MaxOverlap => Volatile.Read(ref _maxOverlap);

    public async Task RunAsync(string id, TimeSpan duration, CancellationToken cancellationToken)
    {
        _runs.AddOrUpdate(id, 1, (_, n) => n + 1);
        var now = _running.AddOrUpdate(id, 1, (_, n) => n + 1);
        int seen;
        while ((seen = _maxOverlap) < now && Interlocked.CompareExchange(ref _maxOverlap, now, seen) != seen)
        {
        }

        try
        {
            await Task.Delay(duration, cancellationToken);
        }
        finally
        {
            _running.AddOrUpdate(id, 0, (_, n) => n - 1);
        }
    }
}

public sealed class Part : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override int Run() => Index * 10;
}

/// <summary>Fan-in of four parts.</summary>
public sealed class Gather : TaskOnKart<int>
{
    public int Count { get; init; } = 4;

    protected override Dependencies Requires() => Parts().Select(p => (TaskOnKart)p).ToList();

    protected override int Run() => Load<int>(Parts()).Sum();

    private IEnumerable<Part> Parts() => Enumerable.Range(0, Count).Select(i => new Part { Index = i });
}

/// <summary>Reads its input, then kills the S3 server: its own output can no longer be written.</summary>
public sealed class KillsEndpoint : TaskOnKart<int>
{
    [NotParameter]
    public S3Outage Outage { get; init; } = null!;

    protected override Dependencies Requires() => new TaskOnKart[] { new Gather() };

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var input = await LoadAsync(new Gather(), cancellationToken);
        await Outage.KillAsync();
        return input + 1;
    }
}

/// <summary>Runs alongside <see cref="KillsEndpoint"/> and reads its input only after the kill.</summary>
public sealed class ReadsAfterKill : TaskOnKart<int>
{
    [NotParameter]
    public S3Outage Outage { get; init; } = null!;

    protected override Dependencies Requires() => new TaskOnKart[] { new Gather() };

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Outage.Killed.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        return await LoadAsync(new Gather(), cancellationToken) + 2;
    }
}

public sealed class Top : TaskOnKart<int>
{
    [NotParameter]
    public S3Outage Outage { get; init; } = null!;

    protected override Dependencies Requires() => new List<TaskOnKart> { new KillsEndpoint { Outage = Outage }, new ReadsAfterKill { Outage = Outage } };

    protected override int Run() => Load(new KillsEndpoint { Outage = Outage }) + Load(new ReadsAfterKill { Outage = Outage });
}

/// <summary>A 300 ms task whose runs are counted in a <see cref="RunLedger"/>.</summary>
public sealed class Step : TaskOnKart<int>
{
    public int Index { get; init; }

    [NotParameter]
    public RunLedger Ledger { get; init; } = null!;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Ledger.RunAsync(UniqueId, TimeSpan.FromMilliseconds(300), cancellationToken);
        return Index;
    }
}

public sealed class StepTotal : TaskOnKart<int>
{
    public int Count { get; init; }

    [NotParameter]
    public RunLedger Ledger { get; init; } = null!;

    protected override Dependencies Requires() => Steps().Select(s => (TaskOnKart)s).ToList();

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Ledger.RunAsync(UniqueId, TimeSpan.Zero, cancellationToken);
        return Load<int>(Steps()).Sum();
    }

    private IEnumerable<Step> Steps() => Enumerable.Range(0, Count).Select(i => new Step { Index = i, Ledger = Ledger });
}
