using Microsoft.Extensions.Logging;

namespace GoKart.Redis;

/// <summary>Settings of <see cref="RedisTaskLock"/>; only <see cref="Configuration"/> is required.</summary>
/// <example>
/// <code>
/// var locks = new RedisTaskLock(new RedisLockOptions { Configuration = "redis.internal:6379", KeyPrefix = "team-a:" });
/// Kart.Build(task, new BuildOptions { Workspace = "s3://bucket/prefix", StoreProviders = [new S3StoreProvider()], Lock = locks, ShouldLockRun = true });
/// </code>
/// </example>
public sealed class RedisLockOptions
{
    /// <summary>A StackExchange.Redis configuration string: <c>host:port</c>, optionally <c>,password=...</c> (never logged).</summary>
    public required string Configuration { get; init; }

    /// <summary>Prepended to every key (<c>&lt;prefix&gt;&lt;ClassName&gt;_&lt;id&gt;</c>); empty by default, like gokart.</summary>
    public string KeyPrefix { get; init; } = string.Empty;

    /// <summary>How long a lock lives without renewal, so a killed holder frees it (default 180 s, gokart's).</summary>
    public TimeSpan Expiry { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>How often a held lock is extended (default a third of <see cref="Expiry"/>).</summary>
    public TimeSpan? RenewInterval { get; init; }

    /// <summary>How often a blocked <c>AcquireAsync</c> tries again (default 100 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long to retry, with backoff, a server that does not answer before <see cref="WhenUnavailable"/> applies (default 10 s).</summary>
    public TimeSpan UnavailableTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one Redis command may take before it counts as a failed attempt (default 5 s).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Fail (default) or run without locks when the server stays unreachable.</summary>
    public RedisUnavailableBehavior WhenUnavailable { get; init; } = RedisUnavailableBehavior.Fail;

    /// <summary>Where warnings about lost locks and outages go (default: nowhere).</summary>
    public ILogger? Logger { get; init; }

    /// <summary>The clock for polling, renewal and backoff.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal TimeSpan EffectiveRenewInterval => RenewInterval ?? Expiry / 3;
}
