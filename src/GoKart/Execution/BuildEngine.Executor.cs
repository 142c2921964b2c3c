using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>The engine's side of the <see cref="ITaskExecutor"/> seam: outcomes reported by an executor.</summary>
internal sealed partial class BuildEngine
{
    private readonly HashSet<TaskNode> _startedElsewhere = new(ReferenceEqualityComparer.Instance);
    private TaskGraph? _graph;
    private BuildPlanner? _planner;
    private List<TaskNode>? _scheduled;
    private bool _rootRanElsewhere;

    [AsyncMethodBuilder(typeof(LeanTaskBuilder))]
    private async Task ExecuteWithAsync(TaskGraph graph, BuildPlanner planner, List<TaskNode> scheduled, CancellationToken cancellationToken)
    {
        (_graph, _planner, _scheduled) = (graph, planner, scheduled);
        var executor = session.Options.Executor ?? InProcessExecutor.Instance;
        var plan = new ExecutionPlan(this, session, scheduled, graph.Root);
        if (executor is InProcessExecutor)
        {
            await executor.ExecuteAsync(plan, cancellationToken).ConfigureAwait(false);
            return;
        }

        _remaining = scheduled.Count;
        _total = scheduled.Count;
        try
        {
            await executor.ExecuteAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var node in scheduled.Where(n => n.Status is null))
            {
                node.Status = TaskRunStatus.Cancelled;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public Task RunInProcessAsync(CancellationToken cancellationToken) => ExecuteAsync(_graph!, _planner!, _scheduled!, cancellationToken);

    [AsyncMethodBuilder(typeof(LeanTaskBuilder<>))]
    public async Task<bool> RunOneAsync(TaskNode node, CancellationToken cancellationToken)
    {
        EnsureUnresolved(node);
        // This executor schedules by itself: dependents the task makes ready are not queued here.
        await ProcessAsync(_graph!, _planner!, node, ReadyQueue.Discard, cancellationToken).ConfigureAwait(false);
        return node.Status is TaskRunStatus.Succeeded or TaskRunStatus.CompletedElsewhere;
    }

    public void ReportStarted(TaskNode node)
    {
        EnsureUnresolved(node);
        lock (_gate)
        {
            if (!_startedElsewhere.Add(node))
            {
                return;
            }
        }

        Interlocked.Increment(ref _running);
        Report(BuildEvent.Started, node);
    }

    public void ReportSucceeded(TaskNode node, TimeSpan? duration)
    {
        EnsureUnresolved(node);
        StopRunning(node);
        node.Duration = duration;
        _rootRanElsewhere |= node == _graph!.Root;
        Finish(node, TaskRunStatus.Succeeded, ReadyQueue.Discard);
        Report(BuildEvent.Succeeded, node);
    }

    public void ReportFailed(TaskNode node, Exception error)
    {
        EnsureUnresolved(node);
        StopRunning(node);
        Fail(node, error, ReadyQueue.Discard);
        Report(BuildEvent.Failed, node);
    }

    private void StopRunning(TaskNode node)
    {
        lock (_gate)
        {
            if (!_startedElsewhere.Remove(node))
            {
                return;
            }
        }

        Interlocked.Decrement(ref _running);
    }

    private static void EnsureUnresolved(TaskNode node)
    {
        if (!node.Scheduled || node.Status is not null)
        {
            throw new InvalidOperationException($"Task '{node.Label}' is not waiting to run (status {node.Status?.ToString() ?? "not scheduled"}); report each scheduled task once.");
        }
    }
}
