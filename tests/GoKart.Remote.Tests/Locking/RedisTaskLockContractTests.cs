using GoKart.Locking;
using GoKart.Redis;
using GoKart.Remote.Tests.Servers;

namespace GoKart.Remote.Tests.Locking;

[Collection(RemoteCollection.Name)]
public sealed class RedisTaskLockContractTests(RedisServer redis) : TaskLockContractTests
{
    protected override ITaskLock CreateLock() => new RedisTaskLock(new RedisLockOptions { Configuration = redis.Configuration, PollInterval = TimeSpan.FromMilliseconds(20) });
}
