using GoKart.Execution;
using GoKart.Storage;
using Microsoft.Extensions.Logging;

namespace GoKart;

/// <summary>
/// The tasks one build must run, handed to an <see cref="ITaskExecutor"/>, and the calls through which the
/// executor reports what became of them. Report each task once; a failure marks what depends on it.
/// </summary>
public sealed class ExecutionPlan
{
    private readonly BuildEngine _engine;
    private readonly List<TaskNode> _scheduled;
    private readonly TaskNode _root;
    private List<ScheduledTask>? _tasks;

    internal ExecutionPlan(BuildEngine engine, BuildSession session, List<TaskNode> scheduled, TaskNode root)
    {
        _engine = engine;
        Session = session;
        _scheduled = scheduled;
        _root = root;
    }

    /// <summary>Every task to run, requirements first (made on first use: the in-process executor never needs it).</summary>
    public IReadOnlyList<ScheduledTask> Tasks => _tasks ??= ScheduledTask.From(_scheduled);

    /// <summary>The build's root task when it is among <see cref="Tasks"/>.</summary>
    public ScheduledTask? Root => Tasks.FirstOrDefault(t => t.Node == _root);

    /// <summary>The build's options (workspace location, workers, progress callback).</summary>
    public BuildOptions Options => Session.Options;

    /// <summary>The opened workspace.</summary>
    public IWorkspaceStore Store => Session.Store;

    /// <summary>The build's logger.</summary>
    public ILogger Logger => Session.Logger;

    /// <summary>The build's clock.</summary>
    public TimeProvider Time => Session.Time;

    internal BuildSession Session { get; }

    /// <summary>Runs every task in this process, on up to <see cref="BuildOptions.Workers"/> workers (what the default executor does).</summary>
    public Task RunAllHereAsync(CancellationToken cancellationToken) => _engine.RunInProcessAsync(cancellationToken);

    /// <summary>
    /// Runs one task in this process now (its scheduled requirements must have succeeded) and reports its outcome;
    /// true when it succeeded. A failure is logged and reported, not thrown.
    /// </summary>
    public Task<bool> RunHereAsync(ScheduledTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return _engine.RunOneAsync(task.Node, cancellationToken);
    }

    /// <summary>Waits until the run logs of the tasks run here are written (before a process exits on its own).</summary>
    public Task FlushLogsAsync() => Session.LogWriter.DrainAsync();

    /// <summary>Reports that the task started elsewhere.</summary>
    public void ReportStarted(ScheduledTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _engine.ReportStarted(task.Node);
    }

    /// <summary>Reports that the task ran elsewhere and its outputs are in the workspace.</summary>
    public void ReportSucceeded(ScheduledTask task, TimeSpan? duration)
    {
        ArgumentNullException.ThrowIfNull(task);
        _engine.ReportSucceeded(task.Node, duration);
    }

    /// <summary>Reports that the task failed; its scheduled dependents become upstream failures.</summary>
    public void ReportFailed(ScheduledTask task, Exception error)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(error);
        _engine.ReportFailed(task.Node, error);
    }
}
