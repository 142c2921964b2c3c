using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GoKart.Redis;

/// <summary>A held Redis lock: renewed in the background until disposed, then freed if still ours.</summary>
internal sealed class RedisLockHandle : IAsyncDisposable
{
    private readonly RedisTaskLock _owner;
    private readonly string _key;
    private readonly string _token;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private int _disposed;

    public RedisLockHandle(RedisTaskLock owner, string key, string token)
    {
        _owner = owner;
        _key = key;
        _token = token;
        _renewal = Task.Run(RenewAsync);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(false);
        _stop.Dispose();
        try
        {
            await _owner.CallAsync(
                $"unlock {_key}",
                db => db.ScriptEvaluateAsync(RedisScripts.Release, [_key], [_token]),
                CancellationToken.None).ConfigureAwait(false); // retried through a short outage: a lock left behind blocks others until it expires
        }
        catch (RedisLockException e)
        {
            // The lock expires on its own; failing the task for this would lose a finished output.
            _owner.Logger.LogWarning("Could not release Redis lock {Key} ({Reason}); it expires in {Expiry}.", _key, e.Message, _owner.Options.Expiry);
        }
    }

    private async Task RenewAsync()
    {
        var options = _owner.Options;
        var milliseconds = (long)options.Expiry.TotalMilliseconds;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.EffectiveRenewInterval, options.TimeProvider, _stop.Token).ConfigureAwait(false);
                var extended = await _owner.CallAsync(
                    $"renew {_key}",
                    db => db.ScriptEvaluateAsync(RedisScripts.Extend, [_key], [_token, milliseconds]),
                    _stop.Token,
                    quiet: true).ConfigureAwait(false);
                if (extended.Reached && (long)extended.Value == 0)
                {
                    _owner.Logger.LogWarning("Redis lock {Key} was lost (expired or the server restarted); another process may take it.", _key);
                    return;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (RedisLockException e)
            {
                _owner.Logger.LogWarning("Could not renew Redis lock {Key}: {Reason}", _key, e.Message);
            }
        }
    }
}
