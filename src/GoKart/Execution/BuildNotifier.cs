using GoKart.Execution.Journal;
using Microsoft.Extensions.Logging;

namespace GoKart.Execution;

/// <summary>
/// Tells every <see cref="IBuildObserver"/> of the build, and the build journal when it is on; an observer that throws
/// is logged and skipped. With neither, a task event costs one check.
/// </summary>
internal sealed partial class BuildNotifier(BuildSession session)
{
    private readonly IReadOnlyList<IBuildObserver> _observers = session.Options.Observers;
    private readonly BuildJournal? _journal = session.Options.Journal
        ? new BuildJournal(session, session.Options.JournalBuildId ?? BuildJournalId.New(session.Time))
        : null;

    public bool Any => _observers.Count > 0 || _journal is not null;

    public void BuildStarted(TaskOnKart root, TaskGraph graph, int scheduled)
    {
        _journal?.Planned(graph);
        Each(nameof(IBuildObserver.BuildStarted), o => o.BuildStarted(root, scheduled, graph.Nodes.Count));
    }

    public void BuildFinished(BuildReport report) => Each(nameof(IBuildObserver.BuildFinished), o => o.BuildFinished(report));

    /// <summary>Ends the journal with <paramref name="status"/> (succeeded, failed or cancelled) and waits for its writer.</summary>
    public Task EndAsync(string status) => _journal is null ? System.Threading.Tasks.Task.CompletedTask : _journal.EndAsync(status);

    public void Task(BuildEvent kind, TaskNode node)
    {
        if (_journal is { } journal)
        {
            switch (kind)
            {
                case BuildEvent.Started:
                    journal.Started(node);
                    break;
                case BuildEvent.Succeeded or BuildEvent.CompletedElsewhere:
                    journal.Done(node);
                    break;
                case BuildEvent.Failed:
                    journal.Failed(node);
                    break;
            }
        }

        if (_observers.Count == 0)
        {
            return;
        }

        var info = new TaskEventInfo(node.Task, node.Name, node.Id, node.Attempts, node.Duration, node.Error);
        switch (kind)
        {
            case BuildEvent.Started:
                Each(nameof(IBuildObserver.TaskStarted), o => o.TaskStarted(info));
                break;
            case BuildEvent.Succeeded or BuildEvent.CompletedElsewhere:
                Each(nameof(IBuildObserver.TaskSucceeded), o => o.TaskSucceeded(info));
                break;
            case BuildEvent.Failed:
                Each(nameof(IBuildObserver.TaskFailed), o => o.TaskFailed(info));
                break;
        }
    }

    public void AlreadyComplete(TaskNode node) =>
        Each(nameof(IBuildObserver.TaskAlreadyComplete), o => o.TaskAlreadyComplete(new TaskEventInfo(node.Task, node.Name, node.Id, 0, null, null)));

    private void Each(string method, Action<IBuildObserver> call)
    {
        foreach (var observer in _observers)
        {
            try
            {
                call(observer);
            }
            catch (Exception e)
            {
                ObserverFailed(session.Logger, e, observer.GetType().Name, method);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Observer}.{Method} threw; the build goes on unchanged")]
    private static partial void ObserverFailed(ILogger logger, Exception exception, string observer, string method);
}
