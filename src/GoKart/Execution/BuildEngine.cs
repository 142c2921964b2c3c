using System.Diagnostics;
using Microsoft.Extensions.Logging;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>
/// Plans a build and runs the scheduled tasks on up to <see cref="BuildOptions.Workers"/> workers, each
/// as soon as its requirements are done. A failure stops only what depends on it.
/// </summary>
internal sealed partial class BuildEngine(BuildSession session)
{
    private readonly Lock _gate = new();
    private readonly List<TaskFailure> _failures = [];
    private readonly BuildNotifier _notifier = new(session);
    private int _remaining;
    private int _done;
    private int _running;
    private int _total;
    private long _startTimestamp;

    [AsyncMethodBuilder(typeof(LeanTaskBuilder<>))]
    public async Task<BuildReport> RunAsync(TaskOnKart root, CancellationToken cancellationToken)
    {
        var status = "failed";
        try
        {
            var report = await BuildAsync(root, cancellationToken).ConfigureAwait(false);
            status = report.Succeeded ? "succeeded" : "failed";
            _notifier.BuildFinished(report);
            return report;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = "cancelled";
            throw;
        }
        finally
        {
            // The journal's end line is written however the build ends, so that a page following it stops waiting.
            await _notifier.EndAsync(status).ConfigureAwait(false);
            await session.LogWriter.DrainAsync().ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(LeanTaskBuilder<>))]
    private async Task<BuildReport> BuildAsync(TaskOnKart root, CancellationToken cancellationToken)
    {
        _startTimestamp = session.Time.GetTimestamp();
        var graph = TaskGraph.Build(root, session.Options.PrepareTask);
        graph.Root.KeepValue = true;
        var planner = new BuildPlanner(session);
        var scheduled = await planner.PlanAsync(graph, cancellationToken).ConfigureAwait(false);
        Validate(scheduled);
        EngineLog.Scheduled(session.Logger, scheduled.Count, graph.Nodes.Count, graph.Root.Label);
        if (_notifier.Any)
        {
            _notifier.BuildStarted(root, graph, scheduled.Count);
            foreach (var node in graph.Nodes)
            {
                if (node.Status == TaskRunStatus.AlreadyComplete)
                {
                    _notifier.AlreadyComplete(node);
                }
            }
        }

        if (scheduled.Count > 0)
        {
            await ExecuteWithAsync(graph, planner, scheduled, cancellationToken).ConfigureAwait(false);
        }

        object? output = null;
        if (_failures.Count == 0 && graph.Root.Status != TaskRunStatus.Cancelled)
        {
            output = graph.Root.Status == TaskRunStatus.Succeeded && !_rootRanElsewhere
                ? graph.Root.Value
                : await RunContext.ReadOutputAsync(session, graph.Root.Task, null, null, cancellationToken).ConfigureAwait(false);
            graph.Root.Value = null;
        }

        // Loops rather than LINQ here and in Validate: System.Linq is loaded when a method using it is first called, which
        // cost a fresh process's first Kart.Build of a complete task an assembly load (issue 18).
        var outcomes = new List<TaskOutcome>();
        foreach (var n in graph.Nodes)
        {
            if (n.Status is { } outcome)
            {
                outcomes.Add(new TaskOutcome(n.Name, n.Id, outcome, n.Duration, n.Error) { Attempts = n.Attempts });
            }
        }

        return new BuildReport(outcomes, [.. _failures], output, session.Time.GetElapsedTime(_startTimestamp));
    }

    /// <summary>Everything that can be checked before any task runs, reported together.</summary>
    private void Validate(List<TaskNode> scheduled)
    {
        if (scheduled.Count == 0)
        {
            return;
        }

        if (session.Lock is null)
        {
            foreach (var node in scheduled)
            {
                if (session.ShouldLockRun(node.Task))
                {
                    throw new GoKartConfigurationException(BuildSession.NoLockMessage($"Task '{node.Label}' has [TaskOptions(ShouldLockRun = true)]"));
                }
            }
        }

        var problems = new List<string>();
        var classes = new HashSet<Descriptors.TaskDescriptor>(ReferenceEqualityComparer.Instance);
        foreach (var node in scheduled)
        {
            var descriptor = node.Task.Descriptor;
            if (classes.Add(descriptor) && !descriptor.HasRun)
            {
                problems.Add($"Task '{descriptor.ClassName}' overrides neither Run() nor RunAsync(CancellationToken).");
            }
        }

        foreach (var node in scheduled)
        {
            CheckTarget(node, node.Task.OutputTarget, node.Task.Descriptor.OutputType, "output", problems);
            foreach (var (name, target) in node.Task.AdditionalOutputTargets)
            {
                CheckTarget(node, target, null, $"output '{name}'", problems);
            }
        }

        if (problems.Count > 0)
        {
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            problems.RemoveAll(p => !distinct.Add(p));
            throw new TaskDefinitionException(scheduled[0].Name, string.Join(Environment.NewLine, problems));
        }
    }

    private void CheckTarget(TaskNode node, Target target, Type? type, string what, List<string> problems)
    {
        if (target.Format is null && !session.Formats.TryResolve(target.Path, out _))
        {
            problems.Add($"Task '{node.Label}' {what} '{target.Path}': unknown extension. Known: {string.Join(", ", session.Formats.Extensions)}.");
            return;
        }

        var format = target.ResolveFormat(session.Formats);
        if (type is not null && !Formats.Tables.RowStreams.Supports(format, type))
        {
            problems.Add($"Task '{node.Label}' {what} '{target.Path}': the {format.Name} format cannot store {type.Name}.");
        }
    }

    /// <summary>Runs one task; returns a dependent it made ready for the caller to run next, if any.</summary>
    [AsyncMethodBuilder(typeof(LeanTaskBuilder<>))]
    private async Task<TaskNode?> ProcessAsync(TaskGraph graph, BuildPlanner planner, TaskNode node, ReadyQueue ready, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _running);
        Report(BuildEvent.Started, node);
        var rerun = planner.MustRerun(graph, node);
        var start = Stopwatch.GetTimestamp();
        try
        {
            var ranHere = await TaskRetry.RunAsync(session, node, rerun, cancellationToken).ConfigureAwait(false);
            Interlocked.Decrement(ref _running);
            var next = Finish(node, ranHere ? TaskRunStatus.Succeeded : TaskRunStatus.CompletedElsewhere, ready);
            Report(ranHere ? BuildEvent.Succeeded : BuildEvent.CompletedElsewhere, node);
            return next;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _running);
            throw;
        }
        catch (Exception e)
        {
            Interlocked.Decrement(ref _running);
            node.Duration = Stopwatch.GetElapsedTime(start);
            if (e is MissingExternalDataException)
            {
                EngineLog.MissingData(session.Logger, node.Label, e.Message);
            }
            else
            {
                EngineLog.Failed(session.Logger, e, node.Label);
            }
            Fail(node, e, ready);
            Report(BuildEvent.Failed, node);
            return null;
        }
    }

    private TaskNode? Finish(TaskNode node, TaskRunStatus status, ReadyQueue ready)
    {
        TaskNode? keep = null;
        lock (_gate)
        {
            node.Status = status;
            _done++;
            foreach (var dependent in node.Dependents)
            {
                if (dependent.Scheduled && dependent.Status is null && --dependent.PendingDependencies == 0)
                {
                    if (keep is null)
                    {
                        keep = dependent;
                    }
                    else
                    {
                        ready.Add(dependent);
                    }
                }
            }

            CountResolved(1, ready);
        }

        return keep;
    }

    private void Fail(TaskNode node, Exception error, ReadyQueue ready)
    {
        lock (_gate)
        {
            node.Status = TaskRunStatus.Failed;
            node.Error = error;
            _failures.Add(new TaskFailure(node.Name, node.Id, error) { Explanation = node.FailureExplanation, Attempts = Math.Max(1, node.Attempts) });
            var resolved = 1;
            var stack = new Stack<TaskNode>(node.Dependents);
            while (stack.Count > 0)
            {
                var dependent = stack.Pop();
                if (dependent.Scheduled && dependent.Status is null)
                {
                    dependent.Status = TaskRunStatus.UpstreamFailed;
                    resolved++;
                    foreach (var next in dependent.Dependents)
                    {
                        stack.Push(next);
                    }
                }
            }

            CountResolved(resolved, ready);
        }
    }

    private void CountResolved(int count, ReadyQueue ready)
    {
        _remaining -= count;
        if (_remaining == 0)
        {
            ready.Complete();
        }
    }

    private void Report(BuildEvent kind, TaskNode node)
    {
        _notifier.Task(kind, node);
        if (session.Options.Progress is { } progress)
        {
            int failed;
            lock (_gate)
            {
                failed = _failures.Count;
            }

            progress(new BuildProgress(kind, node.Name, node.Id, _total, Volatile.Read(ref _done), Volatile.Read(ref _running), failed, session.Time.GetElapsedTime(_startTimestamp)));
        }
    }
}
