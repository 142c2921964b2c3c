namespace GoKart;

/// <summary>
/// Build-level events (luigi's event handlers): implement the methods you need, the others do nothing. Task
/// events arrive on worker threads, possibly at the same time. A method that throws is logged as a warning and
/// changes nothing in the build.
/// </summary>
/// <example>
/// <code>
/// sealed class Timings : IBuildObserver
/// {
///     public void TaskSucceeded(TaskEventInfo e) =&gt; Console.WriteLine($"{e.TaskName} took {e.Duration}");
/// }
/// Kart.Build(task, new BuildOptions { Observers = [new Timings()] });
/// </code>
/// </example>
public interface IBuildObserver
{
    /// <summary>The graph is planned: <paramref name="scheduled"/> of <paramref name="total"/> tasks will run.</summary>
    void BuildStarted(TaskOnKart root, int scheduled, int total)
    {
    }

    /// <summary>A task was complete before the build and will not run (luigi's DEPENDENCY_PRESENT).</summary>
    void TaskAlreadyComplete(TaskEventInfo task)
    {
    }

    /// <summary>A task starts running.</summary>
    void TaskStarted(TaskEventInfo task)
    {
    }

    /// <summary>A task's output is written (or another process wrote it meanwhile).</summary>
    void TaskSucceeded(TaskEventInfo task)
    {
    }

    /// <summary>A task failed for good (after any retries); <see cref="TaskEventInfo.Error"/> says why.</summary>
    void TaskFailed(TaskEventInfo task)
    {
    }

    /// <summary>The build is over, successful or not (not called when it was cancelled or could not start).</summary>
    void BuildFinished(BuildReport report)
    {
    }
}
