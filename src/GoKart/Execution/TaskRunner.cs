using System.Collections;
using GoKart.Storage;
using Microsoft.Extensions.Logging;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>
/// Runs one task: calls Run, writes its outputs to temporary objects, publishes them (named ones first, the
/// main one last, so an existing main output means a finished task), then queues its logs.
/// </summary>
internal static class TaskRunner
{
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
    public static async ValueTask RunAsync(BuildSession session, TaskNode node, bool rerun, CancellationToken cancellationToken)
    {
        var task = node.Task;
        var context = new RunContext(session, node, cancellationToken);
        lock (task)
        {
            if (task.Context is not null)
            {
                throw new InvalidOperationException($"Task '{node.Label}' is already running in another build.");
            }

            task.Context = context;
        }

        IPendingWrite? mainWrite = null;
        object? value = null;
        var handedOver = false;
        try
        {
            var started = session.Time.GetUtcNow();
            var timestamp = session.Time.GetTimestamp();
            EngineLog.Running(session.Logger, node.Label);
            value = await task.RunBoxedAsync(cancellationToken).ConfigureAwait(false);
            // A task that returns after the build was cancelled (one that checks its token only between steps)
            // must not have its output recorded: the build reports Cancelled.
            cancellationToken.ThrowIfCancellationRequested();
            if (session.FailOnEmptyDump(task) && IsEmpty(value))
            {
                throw new InvalidOperationException($"Task '{node.Label}' returned an empty value and fail_on_empty_dump is set; nothing was written.");
            }

            var missing = task.AdditionalOutputTargets.Keys.Where(k => !context.NamedWrites.ContainsKey(k)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"Task '{node.Label}' did not dump its declared output(s) {string.Join(", ", missing)}.");
            }

            mainWrite = await WriteAsync(session, task.OutputTarget, value, task.Descriptor.OutputType, task.Descriptor.RowStreamRecord, cancellationToken).ConfigureAwait(false);
            var elapsed = session.Time.GetElapsedTime(timestamp);
            var finished = session.Time.GetUtcNow();
            await PublishAsync(session, node, context, mainWrite, rerun, cancellationToken).ConfigureAwait(false);
            node.Duration = elapsed;
            if (task.Descriptor.RowStreamRecord is { } record)
            {
                // The task's own stream is used up (enumerating it again would run it again): callers get the written rows.
                var target = task.OutputTarget;
                value = Formats.Tables.RowStreams.LazyOf(record, target.ResolveFormat(session.Formats), ct => session.Store.OpenReadAsync(target.Path, ct), session.FormatContext(target));
            }

            TaskHooks.Succeeded(session, node, value);
            if (node.KeepValue)
            {
                node.Value = value;
                handedOver = true;
            }
            var entries = context.Logger.Snapshot();
            await session.LogWriter.Enqueue(ct => RunLogs.WriteAsync(session, node, context.Seed, entries, started, finished, elapsed, ct)).ConfigureAwait(false);
        }
        finally
        {
            task.Context = null;
            if (!handedOver)
            {
                // Written (or failed) and not returned to the caller: nobody else holds the value, so what it owns
                // (a DirectoryArtifact's temporary folder) is released here.
                await DisposeAsync(value).ConfigureAwait(false);
            }

            if (mainWrite is not null)
            {
                await mainWrite.DisposeAsync().ConfigureAwait(false);
            }

            await context.DiscardAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Serializes a value to a pending (not yet visible) object at the target's path.</summary>
    public static ValueTask<IPendingWrite> WriteAsync(BuildSession session, Target target, object? value, Type type, CancellationToken cancellationToken) =>
        WriteAsync(session, target, value, type, Formats.Tables.RowStreams.IsRowStream(type, out var record) ? record : null, cancellationToken);

    /// <summary>The same, for a caller that already knows whether <paramref name="type"/> is a row stream (<paramref name="record"/>, or null).</summary>
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    private static async ValueTask<IPendingWrite> WriteAsync(BuildSession session, Target target, object? value, Type type, Type? record, CancellationToken cancellationToken)
    {
        var format = target.ResolveFormat(session.Formats);
        IPendingWrite? write = null;
        try
        {
            write = await session.Store.BeginWriteAsync(target.Path, cancellationToken).ConfigureAwait(false);
            await Formats.Tables.RowStreams.WriteAsync(format, write.Stream, value, type, record, session.FormatContext(target), cancellationToken).ConfigureAwait(false);
            // A row stream is enumerated during the write: if the build was cancelled meanwhile, the output is not published.
            cancellationToken.ThrowIfCancellationRequested();
            return write;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (write is not null)
            {
                await write.DisposeAsync().ConfigureAwait(false);
            }

            throw new IOException($"Could not write {session.Store.Describe(target.Path)} ({format.Name} format): {e.Message}", e);
        }
        catch
        {
            if (write is not null)
            {
                await write.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
    private static async ValueTask PublishAsync(BuildSession session, TaskNode node, RunContext context, IPendingWrite mainWrite, bool rerun, CancellationToken cancellationToken)
    {
        if (session.Lock is null)
        {
            await CommitAllAsync(context, mainWrite, cancellationToken).ConfigureAwait(false);
            return;
        }

        // gokart's dump lock: one writer per output across processes; a finished output from elsewhere is kept.
        var handle = await session.Lock.AcquireAsync(LockKeys.Output(node), cancellationToken).ConfigureAwait(false);
        await using (handle.ConfigureAwait(false))
        {
            if (!rerun && await session.Store.ExistsAsync(node.Task.OutputTarget.Path, cancellationToken).ConfigureAwait(false))
            {
                EngineLog.WrittenElsewhere(session.Logger, node.Label);
                return;
            }

            await CommitAllAsync(context, mainWrite, cancellationToken).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
    private static async ValueTask CommitAllAsync(RunContext context, IPendingWrite mainWrite, CancellationToken cancellationToken)
    {
        foreach (var write in context.NamedWrites.Values)
        {
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await mainWrite.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
    private static async ValueTask DisposeAsync(object? value)
    {
        if (value is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else if (value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        Array a => a.Length == 0,
        ICollection c => c.Count == 0,
        IEnumerable e => !e.GetEnumerator().MoveNext(),
        _ => false,
    };
}
