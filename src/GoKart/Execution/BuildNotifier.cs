using Microsoft.Extensions.Logging;

namespace GoKart.Execution;

/// <summary>Tells every <see cref="IBuildObserver"/> of the build; one that throws is logged and skipped.</summary>
internal sealed partial class BuildNotifier(BuildSession session)
{
    private readonly IReadOnlyList<IBuildObserver> _observers = session.Options.Observers;

    public bool Any => _observers.Count > 0;

    public void BuildStarted(TaskOnKart root, int scheduled, int total) =>
        Each(nameof(IBuildObserver.BuildStarted), o => o.BuildStarted(root, scheduled, total));

    public void BuildFinished(BuildReport report) => Each(nameof(IBuildObserver.BuildFinished), o => o.BuildFinished(report));

    public void Task(BuildEvent kind, TaskNode node)
    {
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
