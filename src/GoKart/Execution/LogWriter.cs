using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>
/// Writes run logs in the background, in order, so that a task's dependents start as soon as its output
/// is published (gokart also writes its logs after the output). A build drains it before returning.
/// </summary>
/// <remarks>
/// The queue, the pump and the JSON scratch are made by the first log: a build that runs nothing (a rebuild) makes
/// none of them, which keeps System.Threading.Channels and the JSON encoder out of a fresh process's start-up.
/// </remarks>
internal sealed class LogWriter(ILogger logger)
{
    private readonly Lock _gate = new();
    private Channel<Func<CancellationToken, ValueTask>>? _queue;
    private Task? _pump;
    private JsonScratch? _scratch;
    private bool _closed;

    /// <summary>Scratch for the queued writes, which run one at a time on the pump (so it needs no lock).</summary>
    public JsonScratch Scratch => _scratch ??= new JsonScratch();

    /// <summary>
    /// Write logs on the caller's thread instead of the pump: set by the engine while a single task runs on the build's
    /// own thread, whose logs nothing could overlap with (the build drains them before returning anyway).
    /// </summary>
    public bool WriteInline { get; set; }

    /// <summary>Queues a write; completes at once, or (<see cref="WriteInline"/>) when the write is done.</summary>
    public ValueTask Enqueue(Func<CancellationToken, ValueTask> write)
    {
        if (WriteInline)
        {
            return WriteNow(write);
        }

        var queue = Volatile.Read(ref _queue) ?? Start();
        queue?.Writer.TryWrite(write);
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until every queued log is written.</summary>
    public Task DrainAsync()
    {
        Task? pump;
        lock (_gate)
        {
            _closed = true;
            _queue?.Writer.TryComplete();
            pump = _pump;
        }

        return pump is null ? Task.CompletedTask : DrainPumpAsync(pump);
    }

    private Channel<Func<CancellationToken, ValueTask>>? Start()
    {
        lock (_gate)
        {
            if (_queue is null && !_closed)
            {
                var queue = Channel.CreateUnbounded<Func<CancellationToken, ValueTask>>(new UnboundedChannelOptions { SingleReader = true });
                _pump = Task.Run(() => PumpAsync(queue.Reader));
                Volatile.Write(ref _queue, queue);
            }

            // After DrainAsync a late log is dropped, as a completed channel would drop it.
            return _queue;
        }
    }

    [AsyncMethodBuilder(typeof(LeanTaskBuilder))]
    private async Task DrainPumpAsync(Task pump)
    {
        await pump.ConfigureAwait(false);
        _scratch?.Dispose();
    }

    /// <summary>The pump's work for one write, on the caller's thread: a failure is only a warning, as there.</summary>
    private ValueTask WriteNow(Func<CancellationToken, ValueTask> write)
    {
        try
        {
            var pending = write(CancellationToken.None);
            if (!pending.IsCompleted)
            {
                return AwaitWriteAsync(pending);
            }

            pending.GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // As in the pump: a log that cannot be written must not fail a task whose output is published.
        catch (Exception e)
#pragma warning restore CA1031
        {
            EngineLog.RunLogFailed(logger, e);
        }

        return ValueTask.CompletedTask;
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
    private async ValueTask AwaitWriteAsync(ValueTask pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // See WriteNow.
        catch (Exception e)
#pragma warning restore CA1031
        {
            EngineLog.RunLogFailed(logger, e);
        }
    }

    [AsyncMethodBuilder(typeof(LeanTaskBuilder))]
    private async Task PumpAsync(ChannelReader<Func<CancellationToken, ValueTask>> reader)
    {
        await foreach (var write in reader.ReadAllAsync().ConfigureAwait(false))
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
                EngineLog.RunLogFailed(logger, e);
            }
        }
    }
}
