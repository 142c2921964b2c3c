using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using GoKart.Redis;
using GoKart.Remote.Tests.Servers;
using GoKart.Storage;
using StackExchange.Redis;

namespace GoKart.Remote.Tests.Execution;

/// <summary>
/// Redis dies under two builds sharing a workspace with ShouldLockRun, each with its own lock connection as two
/// processes would have.
/// </summary>
public sealed partial class ServerDiesMidBuildTests
{
    [Fact]
    public async Task Build_RedisKilledMidBuildWithFail_BothProcessesFailNamingRedisAndNoTaskRunsTwice()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        try
        {
            var ledger = new RunLedger();
            var store = new InMemoryStore();
            await using var locksA = Locks(redis, RedisUnavailableBehavior.Fail, new CapturedLog());
            await using var locksB = Locks(redis, RedisUnavailableBehavior.Fail, new CapturedLog());
            var succeeded = new ConcurrentBag<string>();
            var a = Outcome(Kart.BuildAsync(new StepTotal { Count = 8, Ledger = ledger }, LockedOptions(store, locksA, succeeded)));
            var b = Outcome(Kart.BuildAsync(new StepTotal { Count = 8, Ledger = ledger }, LockedOptions(store, locksB, succeeded)));
            await KillAfterAsync(redis, store, stored: 2);

            var failures = await Task.WhenAll(a, b).WaitAsync(Hang);

            foreach (var failure in failures)
            {
                var e = Assert.IsType<GoKartBuildException>(failure);
                Assert.NotEmpty(e.Failures);
                Assert.All(e.Failures, f => Assert.Contains($"Redis lock server {redis.Configuration} is unreachable", Assert.IsType<RedisLockException>(f.Exception).Message));
            }

            Assert.Equal(1, ledger.MaxOverlap);
            Assert.All(ledger.Runs, r => Assert.True(r.Value == 1, $"{r.Key} ran {r.Value} times"));
            // A task that failed for want of a lock wrote nothing; each stored output is one reported as succeeded.
            Assert.Equal(succeeded.Order(), await OutputIdsAsync(store));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task Build_RedisKilledMidBuildWithRunWithoutLocks_BothProcessesFinishAndWarnNamingRedis()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        try
        {
            var ledger = new RunLedger();
            var store = new InMemoryStore();
            var log = new CapturedLog();
            await using var locksA = Locks(redis, RedisUnavailableBehavior.RunWithoutLocks, log);
            await using var locksB = Locks(redis, RedisUnavailableBehavior.RunWithoutLocks, log);
            var succeeded = new ConcurrentBag<string>();
            var a = Kart.BuildAsync(new StepTotal { Count = 8, Ledger = ledger }, LockedOptions(store, locksA, succeeded));
            var b = Kart.BuildAsync(new StepTotal { Count = 8, Ledger = ledger }, LockedOptions(store, locksB, succeeded));
            var storedBeforeKill = await KillAfterAsync(redis, store, stored: 2);

            Assert.Equal(new[] { 28, 28 }, await Task.WhenAll(a, b).WaitAsync(Hang));

            Assert.Contains(log.Warnings, w => w.Contains($"Redis lock server {redis.Configuration} is unreachable", StringComparison.Ordinal) && w.Contains("WITHOUT cross-process locks", StringComparison.Ordinal));
            // Locks held until the kill: what was stored by then ran once. Afterwards both may run a task (documented).
            Assert.All(storedBeforeKill, id => Assert.Equal(1, ledger.Runs[id]));
            Assert.Equal(9, ledger.Runs.Count);
            Assert.All(ledger.Runs, r => Assert.InRange(r.Value, 1, 2));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task TryAcquireAsync_RunningWithoutLocksAfterServerHung_TriesItOncePerTimeoutAndResumesWhenBack()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        try
        {
            var log = new CapturedLog();
            await using var locks = Locks(redis, RedisUnavailableBehavior.RunWithoutLocks, log);
            await (await locks.TryAcquireAsync("Hung_0", CancellationToken.None))!.DisposeAsync();
            await redis.StopAsync();

            // The port now accepts connections and never answers, as a hung server does: every dial costs a connect timeout.
            var dials = 0;
            var listener = new TcpListener(IPAddress.Loopback, redis.Port);
            listener.Start();
            var accepted = new ConcurrentBag<TcpClient>();
            using var stop = new CancellationTokenSource();
            var accepting = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    accepted.Add(await listener.AcceptTcpClientAsync(stop.Token));
                    Interlocked.Increment(ref dials);
                }
            });
            Assert.NotNull(await locks.TryAcquireAsync("Hung_1", CancellationToken.None)); // degrades: a handle that locks nothing

            var before = Volatile.Read(ref dials);
            for (var i = 2; i < 7; i++)
            {
                await (await locks.TryAcquireAsync($"Hung_{i}", CancellationToken.None))!.DisposeAsync();
            }

            Assert.InRange(Volatile.Read(ref dials) - before, 0, 2); // at most one try of the server, not one per call

            await stop.CancelAsync();
            listener.Stop();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accepting);
            foreach (var client in accepted)
            {
                client.Dispose();
            }

            await redis.StartAsync();
            // Lock calls go on without the server until the next probe (one UnavailableTimeout later) finds it back:
            // call until a lock lands in Redis, bounded, rather than sleeping for the probe interval.
            using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var attempts = 0;
            while (true)
            {
                attempts++;
                await using var handle = await locks.TryAcquireAsync("Hung_back", CancellationToken.None);
                if (await raw.GetDatabase().KeyExistsAsync("Hung_back"))
                {
                    break;
                }

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"locking did not resume within 30 s ({attempts} lock calls)");
                await Task.Delay(50);
            }

            Assert.Contains(log.Warnings, w => w.Contains("answers again; locking resumed", StringComparison.Ordinal));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    private static RedisTaskLock Locks(RedisServer redis, RedisUnavailableBehavior whenUnavailable, CapturedLog log) =>
        new(new RedisLockOptions
        {
            Configuration = redis.Configuration,
            PollInterval = TimeSpan.FromMilliseconds(20),
            UnavailableTimeout = TimeSpan.FromSeconds(1),
            CommandTimeout = TimeSpan.FromMilliseconds(500),
            Expiry = TimeSpan.FromSeconds(6),
            WhenUnavailable = whenUnavailable,
            Logger = log,
        });

    /// <summary>One of two "processes": its own lock connection, the shared workspace, ShouldLockRun.</summary>
    private static BuildOptions LockedOptions(IWorkspaceStore store, RedisTaskLock locks, ConcurrentBag<string> succeeded) => new()
    {
        Store = store,
        Lock = locks,
        ShouldLockRun = true,
        Workers = 2,
        LoggerFactory = new CapturedLog(),
        Progress = p =>
        {
            if (p.Event == BuildEvent.Succeeded)
            {
                succeeded.Add(p.UniqueId);
            }
        },
    };

    /// <summary>Waits until <paramref name="stored"/> outputs are in the workspace, then SIGKILLs Redis; returns the ids stored by then.</summary>
    private static async Task<List<string>> KillAfterAsync(RedisServer redis, InMemoryStore store, int stored)
    {
        var before = await OutputIdsAsync(store);
        for (var i = 0; i < 400 && before.Count < stored; i++)
        {
            await Task.Delay(25);
            before = await OutputIdsAsync(store);
        }

        Assert.True(before.Count >= stored, $"only {before.Count} output(s) stored after 10 s; the builds did not get going");
        await redis.StopAsync();
        return before;
    }

    /// <summary>The unique ids of tasks whose output is in the store (run logs left out).</summary>
    private static async Task<List<string>> OutputIdsAsync(InMemoryStore store)
    {
        var ids = new List<string>();
        await foreach (var entry in store.ListAsync(string.Empty, CancellationToken.None))
        {
            if (!entry.Path.StartsWith("log/", StringComparison.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(entry.Path);
                ids.Add(name[(name.LastIndexOf('_') + 1)..]);
            }
        }

        return [.. ids.Order()];
    }

    private static async Task<Exception?> Outcome(Task build)
    {
        try
        {
            await build;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
