using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace GoKart.Execution;

/// <summary>
/// Writes run logs in the background, in order, so that a task's dependents start as soon as its output
/// is published (gokart also writes its logs after the output). A build drains it before returning.
/// </summary>
internal sealed class LogWriter
{
    private readonly Channel<Func<CancellationToken, ValueTask>> _queue =
        Channel.CreateUnbounded<Func<CancellationToken, ValueTask>>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task? _pump;

    public LogWriter(ILogger logger) => _logger = logger;

    /// <summary>Scratch for the queued writes, which run one at a time on the pump.</summary>
    public JsonScratch Scratch { get; } = new();

    public void Enqueue(Func<CancellationToken, ValueTask> write)
    {
        _queue.Writer.TryWrite(write);
        if (Volatile.Read(ref _pump) is null)
        {
            // Started by the first log, so a build that runs nothing (a rebuild) starts no pump at all.
            lock (_gate)
            {
                _pump ??= Task.Run(PumpAsync);
            }
        }
    }

    /// <summary>Waits until every queued log is written.</summary>
    public Task DrainAsync()
    {
        _queue.Writer.TryComplete();
        Task? pump;
        lock (_gate)
        {
            pump = _pump;
        }

        if (pump is null)
        {
            Scratch.Dispose();
            return Task.CompletedTask;
        }

        return DrainPumpAsync(pump);
    }

    private async Task DrainPumpAsync(Task pump)
    {
        await pump.ConfigureAwait(false);
        Scratch.Dispose();
    }

    private async Task PumpAsync()
    {
        await foreach (var write in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await write(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Any store failure (an S3 endpoint that died throws S3StoreException) is only a warning here.
            catch (Exception e)
#pragma warning restore CA1031
            {
                // A log that cannot be written must not fail a task whose output is already published, nor
                // stop the pump: a dead pump would drop the logs queued after it and replace the build's result.
                _logger.LogWarning(e, "Could not write a run log");
            }
        }
    }
}
