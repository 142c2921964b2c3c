using System.Globalization;
using GoKart.Locking;

namespace GoKart.Redis;

/// <summary>
/// Opens <c>redis://host:port</c> lock locations, which the command line builds from gokart's
/// <c>redis_host</c> and <c>redis_port</c> (config file or <c>--redis-host</c>/<c>--redis-port</c>).
/// </summary>
/// <example>
/// <code>
/// return Kart.Run(args, new CommandLineOptions { BuildOptions = new BuildOptions { LockProviders = [new RedisTaskLockProvider()] } });
/// // dotnet run -- Train --redis-host localhost --redis-port 6379
/// </code>
/// </example>
public sealed class RedisTaskLockProvider : ITaskLockProvider
{
    private const string Scheme = "redis://";
    private readonly RedisLockOptions? _template;

    /// <summary>Creates the provider; <paramref name="template"/> gives every setting but the server (its Configuration is ignored).</summary>
    public RedisTaskLockProvider(RedisLockOptions? template = null) => _template = template;

    /// <inheritdoc />
    public bool CanOpen(string location) => location is not null && location.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public ITaskLock Open(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var endpoint = location[Scheme.Length..].TrimEnd('/');
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || endpoint.EndsWith(']') || endpoint.Contains('/', StringComparison.Ordinal) || endpoint.Contains(',', StringComparison.Ordinal)
            || !int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException("expected redis://host:port (no path or options; set those through RedisLockOptions).", nameof(location));
        }

        var t = _template;
        return new RedisTaskLock(new RedisLockOptions
        {
            Configuration = endpoint,
            KeyPrefix = t?.KeyPrefix ?? string.Empty,
            Expiry = t?.Expiry ?? TimeSpan.FromSeconds(180),
            RenewInterval = t?.RenewInterval,
            PollInterval = t?.PollInterval ?? TimeSpan.FromMilliseconds(100),
            UnavailableTimeout = t?.UnavailableTimeout ?? TimeSpan.FromSeconds(10),
            CommandTimeout = t?.CommandTimeout ?? TimeSpan.FromSeconds(5),
            WhenUnavailable = t?.WhenUnavailable ?? RedisUnavailableBehavior.Fail,
            Logger = t?.Logger,
            TimeProvider = t?.TimeProvider ?? TimeProvider.System,
        });
    }
}
