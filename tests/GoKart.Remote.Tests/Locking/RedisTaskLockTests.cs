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
        var key = "Renew_" + Guid.NewGuid().ToString("N");
        var handle = await holder.AcquireAsync(key, None);
        await Task.Delay(1800);
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
        var build = Kart.BuildAsync(new SlowSum { Count = 12 }, new BuildOptions { Store = store, Lock = locks, ShouldLockRun = true, Workers = 2 });
        await Task.Delay(400);
        await server.StopAsync();
        await Task.Delay(300);
        await server.StartAsync();
        Assert.Equal(Enumerable.Range(0, 12).Sum(), await build.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}

public sealed class SlowItem : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(100, cancellationToken);
        return Index;
    }
}

public sealed class SlowSum : TaskOnKart<int>
{
    public int Count { get; init; }

    protected override Dependencies Requires() => Enumerable.Range(0, Count).Select(i => (TaskOnKart)new SlowItem { Index = i }).ToList();

    protected override int Run() => Load<int>(Enumerable.Range(0, Count).Select(i => new SlowItem { Index = i })).Sum();
}
