using GoKart.Locking;
using GoKart.Redis;
using GoKart.Remote.Tests.Servers;
using StackExchange.Redis;

namespace GoKart.Remote.Tests.Locking;

[Collection(RemoteCollection.Name)]
public sealed class RedisTaskLockContractTests(RedisServer redis) : TaskLockContractTests
{
    private long _setsBefore;

    protected override ITaskLock CreateLock() => new RedisTaskLock(new RedisLockOptions { Configuration = redis.Configuration, PollInterval = TimeSpan.FromMilliseconds(20) });

    protected override async Task MarkAsync() => _setsBefore = await SetCallsAsync();

    /// <summary>Two refused SET NX on the server since <see cref="MarkAsync"/>: the waiter has polled and been turned away twice.</summary>
    protected override async Task WaitUntilRefusedAsync(Task waiter)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!waiter.IsCompleted && await SetCallsAsync() < _setsBefore + 2)
        {
            await Task.Delay(10, limit.Token);
        }
    }

    /// <summary>The server's count of SET commands (the tests of this collection run one at a time).</summary>
    private async Task<long> SetCallsAsync()
    {
        using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var info = await raw.GetServer(raw.GetEndPoints()[0]).InfoAsync("commandstats");
        var set = info.SelectMany(g => g).FirstOrDefault(p => p.Key == "cmdstat_set").Value ?? "calls=0";
        return long.Parse(set.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
