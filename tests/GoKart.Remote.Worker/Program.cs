using Amazon.Runtime;
using GoKart;
using GoKart.Redis;
using GoKart.S3;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

// One of the N processes of the multi-process test: builds the same 50-task pipeline against a shared
// S3 workspace and Redis with ShouldLockRun, and counts every Run in Redis (INCR runs:<task>).
// Usage: GoKart.Remote.Worker <s3-endpoint> <s3://bucket/prefix> <redis host:port> <lock-expiry-ms> <task-sleep-ms> <counter-prefix> [<start-together> [<hang-after>]]
//   start-together N: wait until N workers with this counter prefix are ready, so that they really build at the same time.
//   hang-after K: after K task runs, every further task prints "HANGING <Class>_<id>" and never finishes (a victim to kill).
// Prints "RAN <n>" (the task runs of this process) and "RESULT <root value>" when the build is done.
if (args.Length is < 6 or > 8)
{
    Console.Error.WriteLine("usage: GoKart.Remote.Worker <s3-endpoint> <s3://bucket/prefix> <redis> <lock-expiry-ms> <task-sleep-ms> <counter-prefix> [<start-together> [<hang-after>]]");
    return 2;
}

var (endpoint, workspace, redis, expiry, sleep, counterPrefix) = (args[0], args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), args[5]);
var together = args.Length > 6 ? int.Parse(args[6]) : 0;
var hangAfter = args.Length > 7 ? int.Parse(args[7]) : 0;
using var counter = await ConnectionMultiplexer.ConnectAsync(redis);
var settings = new PipelineSettings(counter.GetDatabase(), counterPrefix, sleep, hangAfter);
if (together > 0)
{
    // A barrier in Redis: a signal that all N processes are up, not a guess at how long start-up takes.
    await settings.Counter.StringIncrementAsync(counterPrefix + "ready");
    using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
    while ((long)await settings.Counter.StringGetAsync(counterPrefix + "ready") < together)
    {
        await Task.Delay(10, limit.Token);
    }
}

await using var locks = new RedisTaskLock(new RedisLockOptions
{
    Configuration = redis,
    Expiry = TimeSpan.FromMilliseconds(expiry),
    PollInterval = TimeSpan.FromMilliseconds(50),
});
var options = new BuildOptions
{
    Workspace = workspace,
    StoreProviders = [new S3StoreProvider(new S3StoreOptions { ServiceUrl = endpoint, Credentials = new BasicAWSCredentials("testing-key", "testing-secret") })],
    Lock = locks,
    ShouldLockRun = true,
    Workers = 2,
    LogLevel = LogLevel.Warning,
};
var result = await Kart.BuildAsync(new Root { Settings = settings }, options);
Console.WriteLine("RAN " + settings.Runs);
Console.WriteLine("RESULT " + result);
return 0;

/// <summary>Shared, not a parameter: where to count runs, how long each task takes, and when to hang.</summary>
public sealed class PipelineSettings(IDatabase counter, string prefix, int sleepMs, int hangAfter)
{
    private int _runs;

    public IDatabase Counter => counter;

    public int Runs => Volatile.Read(ref _runs);

    public async Task CountAsync(string name, string id)
    {
        if (Interlocked.Increment(ref _runs) > hangAfter && hangAfter > 0)
        {
            // Mid-run with its run lock held (and renewed) until the process is killed.
            Console.WriteLine($"HANGING {name}_{id}");
            await Task.Delay(Timeout.Infinite);
        }

        await Task.Delay(sleepMs);
        await counter.StringIncrementAsync($"{prefix}runs:{name}_{id}");
    }
}

/// <summary>40 leaves.</summary>
public sealed class Leaf : TaskOnKart<int>
{
    public int Index { get; init; }

    [NotParameter]
    public PipelineSettings Settings { get; init; } = null!;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Settings.CountAsync(nameof(Leaf), UniqueId);
        return Index * Index;
    }
}

/// <summary>9 groups of 5 overlapping leaves.</summary>
public sealed class Group : TaskOnKart<int>
{
    public int Index { get; init; }

    [NotParameter]
    public PipelineSettings Settings { get; init; } = null!;

    protected override Dependencies Requires() => Leaves().Select(l => (TaskOnKart)l).ToList();

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sum = 0;
        foreach (var leaf in Leaves())
        {
            sum += await LoadAsync(leaf, cancellationToken);
        }

        await Settings.CountAsync(nameof(Group), UniqueId);
        return sum;
    }

    private IEnumerable<Leaf> Leaves() => Enumerable.Range(Index * 4, Index == 8 ? 8 : 5).Select(i => new Leaf { Index = i, Settings = Settings });
}

/// <summary>The root: 40 + 9 + 1 = 50 tasks.</summary>
public sealed class Root : TaskOnKart<int>
{
    [NotParameter]
    public PipelineSettings Settings { get; init; } = null!;

    protected override Dependencies Requires() => Groups().Select(g => (TaskOnKart)g).ToList();

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sum = 0;
        foreach (var group in Groups())
        {
            sum += await LoadAsync(group, cancellationToken);
        }

        await Settings.CountAsync(nameof(Root), UniqueId);
        return sum;
    }

    private IEnumerable<Group> Groups() => Enumerable.Range(0, 9).Select(i => new Group { Index = i, Settings = Settings });
}
