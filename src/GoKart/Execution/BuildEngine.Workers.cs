using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>The in-process executor's workers: each takes a ready task, runs it, and goes on with a dependent it made ready.</summary>
internal sealed partial class BuildEngine
{
    [AsyncMethodBuilder(typeof(LeanTaskBuilder))]
    private async Task ExecuteAsync(TaskGraph graph, BuildPlanner planner, List<TaskNode> scheduled, CancellationToken cancellationToken)
    {
        _remaining = scheduled.Count;
        _total = scheduled.Count;
        var workers = Math.Min(session.Options.Workers, scheduled.Count);
        var inline = workers == 1 && SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default;
        ReadyQueue ready = inline ? new ReadyQueue.Local() : new ReadyQueue.Shared();
        foreach (var node in scheduled)
        {
            node.PendingDependencies = node.Dependencies.Distinct().Count(d => d.Scheduled);
            if (node.PendingDependencies == 0)
            {
                ready.Add(node);
            }
        }

        Task all;
        if (inline)
        {
            // One worker runs on the calling thread (issue 18, start-up): a build of synchronous tasks then never waits,
            // so it needs no thread hop, no thread-pool start and none of the async machinery a suspension JIT-compiles.
            // Not under a synchronization context: a task's own awaits would post to it while Kart.Build blocks it.
            // A lone task's logs are written before it returns too: there is nothing left for the pump to overlap with.
            session.LogWriter.WriteInline = scheduled.Count == 1;
            all = LocalWorkerAsync(graph, planner, (ReadyQueue.Local)ready, cancellationToken);
        }
        else
        {
            var shared = (ReadyQueue.Shared)ready;
            var loops = new Task[workers];
            for (var i = 0; i < workers; i++)
            {
                loops[i] = Task.Run(() => WorkerAsync(graph, planner, shared, cancellationToken), CancellationToken.None);
            }

            all = Task.WhenAll(loops);
        }

        try
        {
            await all.ConfigureAwait(false);
        }
        finally
        {
            session.LogWriter.WriteInline = false;
            foreach (var node in scheduled.Where(n => n.Status is null))
            {
                node.Status = TaskRunStatus.Cancelled;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    [AsyncMethodBuilder(typeof(LeanTaskBuilder))]
    private async Task WorkerAsync(TaskGraph graph, BuildPlanner planner, ReadyQueue.Shared ready, CancellationToken cancellationToken)
    {
        var reader = ready.Channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (!cancellationToken.IsCancellationRequested && reader.TryRead(out var node))
                {
                    // A worker runs the first task its own success made ready, without a hand-off through
                    // the channel: chains then run on one warm thread.
                    for (TaskNode? next = node; next is not null && !cancellationToken.IsCancellationRequested;)
                    {
                        next = await ProcessAsync(graph, planner, next, ready, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ready.Complete();
        }
    }

    /// <summary>
    /// The only worker: the same loop without waiting, since whatever is left to run is either ready or needs a task this
    /// worker has yet to take (the graph has no cycles).
    /// </summary>
    [AsyncMethodBuilder(typeof(LeanTaskBuilder))]
    private async Task LocalWorkerAsync(TaskGraph graph, BuildPlanner planner, ReadyQueue.Local ready, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested && ready.TryTake(out var node))
            {
                for (TaskNode? next = node; next is not null && !cancellationToken.IsCancellationRequested;)
                {
                    next = await ProcessAsync(graph, planner, next, ready, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ready.Complete();
        }
    }
}
