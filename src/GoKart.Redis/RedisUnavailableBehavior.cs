namespace GoKart.Redis;

/// <summary>What <see cref="RedisTaskLock"/> does when the Redis server cannot be reached for <see cref="RedisLockOptions.UnavailableTimeout"/>.</summary>
public enum RedisUnavailableBehavior
{
    /// <summary>Throw <see cref="RedisLockException"/> naming the server: the task fails, nothing is written (default).</summary>
    Fail,

    /// <summary>
    /// Log a warning and carry on without cross-process locks. Outputs stay atomic, but two processes may
    /// then run the same task; a lock is taken again as soon as the server answers.
    /// </summary>
    RunWithoutLocks,
}
