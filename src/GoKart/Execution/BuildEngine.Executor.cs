using System.Threading.Channels;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>The engine's side of the <see cref="ITaskExecutor"/> seam: outcomes reported by an executor.</summary>
internal sealed partial class BuildEngine
{
    // Executors other than the in-process one schedule by themselves; dependents made ready land here unread.
    private readonly Channel<TaskNode> _unused = Channel.CreateUnbounded<TaskNode>();
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
        await ProcessAsync(_graph!, _planner!, node, _unused.Writer, cancellationToken).ConfigureAwait(false);
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
        Finish(node, TaskRunStatus.Succeeded, _unused.Writer);
        Report(BuildEvent.Succeeded, node);
    }

    public void ReportFailed(TaskNode node, Exception error)
    {
        EnsureUnresolved(node);
        StopRunning(node);
        Fail(node, error, _unused.Writer);
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
