using GoKart.Locking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace GoKart.Redis;

/// <summary>
/// gokart's Redis conflict prevention as an <see cref="ITaskLock"/>: <c>SET key token NX PX expiry</c> to take
/// a lock, renewal every <see cref="RedisLockOptions.RenewInterval"/> while held, and compare-and-delete to
/// free it, so only the holder extends or frees it and a killed holder's lock expires.
/// </summary>
/// <example>
/// <code>
/// await using var locks = new RedisTaskLock(new RedisLockOptions { Configuration = "127.0.0.1:6379" });
/// var result = await Kart.BuildAsync(task, new BuildOptions { Lock = locks, ShouldLockRun = true });
/// </code>
/// </example>
public sealed class RedisTaskLock : ITaskLock, IAsyncDisposable
{
    private readonly RedisLockOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private ConnectionMultiplexer? _connection;
    private int _degraded;
    private long _probeAfter; // while degraded: the timestamp before which lock calls do not try the server

    /// <summary>Creates the lock; the connection is opened on first use and re-opened by the client after outages.</summary>
    public RedisTaskLock(RedisLockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Expiry < TimeSpan.FromMilliseconds(100) || options.EffectiveRenewInterval <= TimeSpan.Zero || options.EffectiveRenewInterval >= options.Expiry)
        {
            throw new ArgumentException("RedisLockOptions: Expiry must be at least 100 ms and RenewInterval between zero and Expiry.", nameof(options));
        }

        ConfigurationOptions parsed;
        try
        {
            parsed = ConfigurationOptions.Parse(options.Configuration);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("RedisLockOptions.Configuration is not a valid Redis configuration string (expected host:port[,options]).", nameof(options), e);
        }

        _options = options;
        _logger = options.Logger ?? NullLogger.Instance;
        Endpoint = parsed.EndPoints.Count == 0 ? "(no endpoint)" : string.Join(",", parsed.EndPoints.Select(e => e.ToString()));
    }

    /// <summary>The server(s) as named in messages: <c>host:port</c>, without password.</summary>
    public string Endpoint { get; }

    /// <summary>The key a lock name is stored under.</summary>
    public string KeyFor(string name) => _options.KeyPrefix + name;

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        while (true)
        {
            var handle = await TryAcquireAsync(key, cancellationToken).ConfigureAwait(false);
            if (handle is not null)
            {
                return handle;
            }

            await Task.Delay(Jitter(_options.PollInterval), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var redisKey = KeyFor(key);
        var token = Guid.NewGuid().ToString("N");
        var taken = await CallAsync(
            $"lock {redisKey}",
            db => db.StringSetAsync(redisKey, token, _options.Expiry, When.NotExists),
            cancellationToken).ConfigureAwait(false);
        if (!taken.Reached)
        {
            return NoLock.Instance; // server unreachable and RunWithoutLocks chosen
        }

        return taken.Value ? new RedisLockHandle(this, redisKey, token) : null;
    }

    /// <summary>Closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.CloseAsync().ConfigureAwait(false);
            connection.Dispose();
        }

        _connectGate.Dispose();
    }

    internal RedisLockOptions Options => _options;

    internal ILogger Logger => _logger;

    /// <summary>
    /// Runs a command, retrying connection failures with backoff up to <see cref="RedisLockOptions.UnavailableTimeout"/>;
    /// then throws or, with <see cref="RedisUnavailableBehavior.RunWithoutLocks"/>, returns Reached = false (and
    /// keeps doing so, trying the server again once per timeout, until it answers).
    /// </summary>
    internal async Task<(bool Reached, T Value)> CallAsync<T>(string what, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken, bool quiet = false)
    {
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(50);
        var degraded = Volatile.Read(ref _degraded) == 1;
        if (degraded && !quiet && !TryClaimProbe())
        {
            return (false, default!);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var connection = await ConnectAsync().ConfigureAwait(false);
                // One bound for every attempt, whatever the client's own timeouts do with a half-open socket.
                var result = await command(connection.GetDatabase()).WaitAsync(_options.CommandTimeout, time, cancellationToken).ConfigureAwait(false);
                if (Interlocked.Exchange(ref _degraded, 0) == 1)
                {
                    _logger.LogWarning("Redis lock server {Endpoint} answers again; locking resumed.", Endpoint);
                }

                return (true, result);
            }
            catch (Exception e) when (IsUnavailable(e))
            {
                await ResetConnectionAsync().ConfigureAwait(false);
                // Once degraded (by this call or a concurrent one), do not wait the whole timeout again for every lock.
                if (degraded || Volatile.Read(ref _degraded) == 1 || quiet || time.GetElapsedTime(started) + delay > _options.UnavailableTimeout)
                {
                    if (_options.WhenUnavailable == RedisUnavailableBehavior.RunWithoutLocks && !quiet)
                    {
                        Interlocked.Exchange(ref _probeAfter, time.GetTimestamp() + ProbeInterval);
                        if (Interlocked.Exchange(ref _degraded, 1) == 0)
                        {
                            _logger.LogWarning("Redis lock server {Endpoint} is unreachable ({Reason}); running WITHOUT cross-process locks.", Endpoint, e.Message);
                        }

                        return (false, default!);
                    }

                    var waited = time.GetElapsedTime(started).TotalSeconds;
                    throw new RedisLockException($"Redis lock server {Endpoint} is unreachable ({what} failed after {waited:0.#} s): {e.Message}", e);
                }

                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
            }
        }
    }

    /// <summary>
    /// While running without locks, lets one lock call per <see cref="RedisLockOptions.UnavailableTimeout"/> try the
    /// server again; the others go on at once. Each try of a dead server can cost a connect and a command timeout,
    /// which every task would otherwise pay on each of its lock calls.
    /// </summary>
    private bool TryClaimProbe()
    {
        var now = _options.TimeProvider.GetTimestamp();
        var after = Interlocked.Read(ref _probeAfter);
        return now >= after && Interlocked.CompareExchange(ref _probeAfter, now + ProbeInterval, after) == after;
    }

    private long ProbeInterval => (long)(_options.UnavailableTimeout.TotalSeconds * _options.TimeProvider.TimestampFrequency);

    private static bool IsUnavailable(Exception e) =>
        e is RedisConnectionException or RedisTimeoutException or TimeoutException or System.Net.Sockets.SocketException or IOException or ObjectDisposedException
        || (e is RedisServerException server && server.Message.StartsWith("LOADING", StringComparison.Ordinal));

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (Volatile.Read(ref _connection) is { } existing)
        {
            return existing;
        }

        await _connectGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                var config = ConfigurationOptions.Parse(_options.Configuration);
                config.AbortOnConnectFail = false; // keep reconnecting in the background after a restart
                config.ConnectTimeout = (int)Math.Min(5000, Math.Max(500, _options.UnavailableTimeout.TotalMilliseconds));
                config.SyncTimeout = 5000;
                config.AsyncTimeout = (int)Math.Max(100, _options.CommandTimeout.TotalMilliseconds);
                // A command sent while disconnected fails at once rather than waiting in the client's backlog:
                // CallAsync retries with its own backoff and applies WhenUnavailable after UnavailableTimeout.
                config.BacklogPolicy = BacklogPolicy.FailFast;
                Volatile.Write(ref _connection, await ConnectionMultiplexer.ConnectAsync(config).WaitAsync(_options.CommandTimeout + TimeSpan.FromMilliseconds(config.ConnectTimeout)).ConfigureAwait(false));
            }

            return _connection!;
        }
        finally
        {
            _connectGate.Release();
        }
    }

    /// <summary>
    /// Drops a connection that failed, so the next attempt opens a fresh one instead of waiting on the client's
    /// background reconnect of a server that was restarted or replaced.
    /// </summary>
    private async Task ResetConnectionAsync()
    {
        await _connectGate.WaitAsync().ConfigureAwait(false);
        ConnectionMultiplexer? broken;
        try
        {
            broken = _connection;
            Volatile.Write(ref _connection, null);
        }
        finally
        {
            _connectGate.Release();
        }

        if (broken is not null)
        {
            _ = Task.Run(() => broken.Dispose());
        }
    }

    private static TimeSpan Jitter(TimeSpan interval) =>
        interval + TimeSpan.FromTicks((long)(interval.Ticks * 0.5 * Random.Shared.NextDouble()));

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
