using GoKart.Redis;
using GoKart.Remote.Tests.Servers;
using GoKart.Storage;
using StackExchange.Redis;

namespace GoKart.Remote.Tests.Locking;

[Collection(RemoteCollection.Name)]
public sealed class RedisTaskLockTests(RedisServer redis)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private RedisTaskLock Create(TimeSpan? expiry = null, string prefix = "", RedisUnavailableBehavior whenUnavailable = RedisUnavailableBehavior.Fail, string? configuration = null) =>
        new(new RedisLockOptions
        {
            Configuration = configuration ?? redis.Configuration,
            Expiry = expiry ?? TimeSpan.FromSeconds(180),
            KeyPrefix = prefix,
            PollInterval = TimeSpan.FromMilliseconds(20),
            UnavailableTimeout = TimeSpan.FromMilliseconds(600),
            WhenUnavailable = whenUnavailable,
        });

    [Fact]
    public async Task TryAcquireAsync_KeyPrefix_StoresTokenUnderPrefixedKeyWithExpiry()
    {
        await using var locks = Create(prefix: "team-a:");
        using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var handle = await locks.TryAcquireAsync("Task_abc", None);
        Assert.NotNull(handle);
        var ttl = await raw.GetDatabase().KeyTimeToLiveAsync("team-a:Task_abc");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(180));
        await handle.DisposeAsync();
        Assert.False(await raw.GetDatabase().KeyExistsAsync("team-a:Task_abc"));
    }

    [Fact]
    public async Task TryAcquireAsync_HolderDiedWithoutRelease_LockExpiresAndIsRetaken()
    {
        await using var locks = Create();
        using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var key = "Dead_" + Guid.NewGuid().ToString("N");
        // A killed holder: a token nobody renews, with a short expiry.
        await raw.GetDatabase().StringSetAsync(key, "someone-else", TimeSpan.FromMilliseconds(800), When.NotExists);
        Assert.Null(await locks.TryAcquireAsync(key, None));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var handle = await locks.AcquireAsync(key, cancel.Token);
        Assert.NotEqual("someone-else", (string?)await raw.GetDatabase().StringGetAsync(key));
        await handle.DisposeAsync();
    }

    [Fact]
    public async Task AcquireAsync_HeldLongerThanExpiry_IsRenewed()
    {
        await using var holder = Create(TimeSpan.FromMilliseconds(600));
        await using var other = Create(TimeSpan.FromMilliseconds(600));
        using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var key = "Renew_" + Guid.NewGuid().ToString("N");
        var handle = await holder.AcquireAsync(key, None);
        var token = (string?)await raw.GetDatabase().StringGetAsync(key);
        // Wait until the key's time to live has been pushed back up three times (renewals seen on the server) and
        // the lock has outlived its expiry: the state the test is about, observed rather than slept for.
        var held = System.Diagnostics.Stopwatch.StartNew();
        var renewals = 0;
        TimeSpan? last = null;
        while (renewals < 3 || held.Elapsed < TimeSpan.FromMilliseconds(1200))
        {
            Assert.True(held.Elapsed < TimeSpan.FromSeconds(30), $"saw {renewals} renewals in 30 s");
            var ttl = await raw.GetDatabase().KeyTimeToLiveAsync(key);
            Assert.True(ttl is not null, $"lock expired after {held.ElapsedMilliseconds} ms and {renewals} renewals");
            renewals += last is { } previous && ttl.Value > previous + TimeSpan.FromMilliseconds(50) ? 1 : 0;
            last = ttl.Value;
            await Task.Delay(20);
        }

        Assert.Equal(token, (string?)await raw.GetDatabase().StringGetAsync(key)); // still the first holder's lock
        Assert.Null(await other.TryAcquireAsync(key, None));
        await handle.DisposeAsync();
        var taken = await other.TryAcquireAsync(key, None);
        Assert.NotNull(taken);
        await taken.DisposeAsync();
    }

    [Fact]
    public async Task DisposeAsync_LockLostAndRetakenByOther_DoesNotFreeOthersLock()
    {
        await using var first = Create();
        await using var second = Create();
        using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var key = "Lost_" + Guid.NewGuid().ToString("N");
        var stale = await first.AcquireAsync(key, None);
        await raw.GetDatabase().KeyDeleteAsync(key); // as after an expiry or a server restart
        var current = await second.AcquireAsync(key, None);
        await stale.DisposeAsync();
        Assert.True(await raw.GetDatabase().KeyExistsAsync(key));
        Assert.Null(await first.TryAcquireAsync(key, None));
        await current.DisposeAsync();
    }

    [Fact]
    public async Task TryAcquireAsync_ServerDownAndFail_ThrowsNamingEndpointWithoutPassword()
    {
        var port = LocalServer.FreePort();
        await using var locks = Create(configuration: $"127.0.0.1:{port},password=hunter2-secret");
        var e = await Assert.ThrowsAsync<RedisLockException>(async () => await locks.TryAcquireAsync("Any_1", None));
        Assert.Contains($"127.0.0.1:{port}", e.Message);
        Assert.Contains("unreachable", e.Message);
        Assert.DoesNotContain("hunter2", e.ToString());
    }

    [Fact]
    public async Task TryAcquireAsync_ServerDownAndRunWithoutLocks_ReturnsHandle()
    {
        await using var locks = Create(whenUnavailable: RedisUnavailableBehavior.RunWithoutLocks, configuration: $"127.0.0.1:{LocalServer.FreePort()}");
        var handle = await locks.TryAcquireAsync("Any_1", None);
        Assert.NotNull(handle);
        await handle.DisposeAsync();
    }

    [Fact]
    public async Task Build_RedisDownAndFail_FailsNamingEndpointAndWritesNoOutput()
    {
        var port = LocalServer.FreePort();
        await using var locks = Create(configuration: $"127.0.0.1:{port}");
        var store = new InMemoryStore();
        var e = await Assert.ThrowsAsync<GoKartBuildException>(() => Kart.BuildAsync(new Storage.Item { Index = 7 }, new BuildOptions { Store = store, Lock = locks, ShouldLockRun = true }));
        Assert.Contains($"127.0.0.1:{port}", e.ToString());
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Build_RedisDownAndRunWithoutLocks_Completes()
    {
        await using var locks = Create(whenUnavailable: RedisUnavailableBehavior.RunWithoutLocks, configuration: $"127.0.0.1:{LocalServer.FreePort()}");
        var result = await Kart.BuildAsync(new Storage.Sum { Count = 4 }, new BuildOptions { Store = new InMemoryStore(), Lock = locks, ShouldLockRun = true });
        Assert.Equal(6, result);
    }

    [Fact]
    public async Task Build_ChainOnInMemoryStoreWithLock_Completes()
    {
        await using var locks = Create(prefix: "chain-" + Guid.NewGuid().ToString("N")[..8] + ":");
        var build = Kart.BuildAsync(new Link { Index = 5 }, new BuildOptions { Store = new InMemoryStore(), Lock = locks, ShouldLockRun = true, Workers = 4 });
        Assert.Equal(5, await build.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task Build_RedisRestartedMidRun_Completes()
    {
        var server = new RedisServer();
        await server.InitializeAsync();
        try
        {
        await using var locks = new RedisTaskLock(new RedisLockOptions
        {
            Configuration = server.Configuration,
            PollInterval = TimeSpan.FromMilliseconds(20),
            UnavailableTimeout = TimeSpan.FromSeconds(20),
            CommandTimeout = TimeSpan.FromSeconds(1),
            Expiry = TimeSpan.FromSeconds(3), // a lock whose release was lost in the outage frees itself
        });
        var store = new InMemoryStore();
        var gate = new Gate(running: 2);
        var build = Kart.BuildAsync(new SlowSum { Count = 12, Gate = gate }, new BuildOptions { Store = store, Lock = locks, ShouldLockRun = true, Workers = 2 });
        // Mid-run: two items hold their run locks and wait; the server dies and comes back empty under them.
        await gate.Running.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(build.IsCompleted);
        await server.StopAsync();
        await server.StartAsync();
        gate.Open();
        Assert.Equal(Enumerable.Range(0, 12).Sum(), await build.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(12, gate.Entered); // each item ran once: the outage neither failed nor repeated a task
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>Holds tasks inside their run until the test opens it; signals when enough of them are inside.</summary>
public sealed class Gate(int running)
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _entered;

    public Task Running => _running.Task;

    public int Entered => Volatile.Read(ref _entered);

    public void Open() => _open.TrySetResult();

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _entered) >= running)
        {
            _running.TrySetResult();
        }

        await _open.Task.WaitAsync(cancellationToken);
    }
}

public sealed class SlowItem : TaskOnKart<int>
{
    public int Index { get; init; }

    [NotParameter]
    public Gate? Gate { get; init; }

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (Gate is not null)
        {
            await Gate.EnterAsync(cancellationToken);
        }

        return Index;
    }
}

public sealed class SlowSum : TaskOnKart<int>
{
    public int Count { get; init; }

    [NotParameter]
    public Gate? Gate { get; init; }

    protected override Dependencies Requires() => Items().Select(i => (TaskOnKart)i).ToList();

    protected override int Run() => Load<int>(Items()).Sum();

    private IEnumerable<SlowItem> Items() => Enumerable.Range(0, Count).Select(i => new SlowItem { Index = i, Gate = Gate });
}

/// <summary>Link k loads link k-1's value and adds one (a chain, as in bench/GoKart.Bench.Remote).</summary>
public sealed class Link : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override Dependencies Requires() => Index == 0 ? Dependencies.None : new TaskOnKart[] { new Link { Index = Index - 1 } };

    protected override int Run() => Index == 0 ? 0 : Load(new Link { Index = Index - 1 }) + 1;
}
