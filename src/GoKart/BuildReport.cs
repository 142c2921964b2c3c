namespace GoKart;

/// <summary>Everything a build did: the status of each task it looked at, failures, and the root's output.</summary>
public sealed class BuildReport
{
    internal BuildReport(IReadOnlyList<TaskOutcome> tasks, IReadOnlyList<TaskFailure> failures, object? rootOutput, TimeSpan elapsed)
    {
        Tasks = tasks;
        Failures = failures;
        RootOutput = rootOutput;
        Elapsed = elapsed;
    }

    /// <summary>Each task the build scheduled or found complete, in dependency order.</summary>
    public IReadOnlyList<TaskOutcome> Tasks { get; }

    /// <summary>Tasks that failed.</summary>
    public IReadOnlyList<TaskFailure> Failures { get; }

    /// <summary>The root task's output when the build succeeded.</summary>
    public object? RootOutput { get; }

    /// <summary>Wall time of the build.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>True when no task failed.</summary>
    public bool Succeeded => Failures.Count == 0;

    /// <summary>Throws <see cref="GoKartBuildException"/> when a task failed.</summary>
    public void ThrowIfFailed()
    {
        if (!Succeeded)
        {
            throw Failed();
        }
    }

    // Apart from ThrowIfFailed, which every Kart.Build calls: a method using LINQ loads System.Linq on its first call (issue 18).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private GoKartBuildException Failed()
    {
        var upstream = Tasks.Where(t => t.Status == TaskRunStatus.UpstreamFailed).Select(t => $"{t.TaskName}[{t.UniqueId}]").ToList();
        return new GoKartBuildException(Failures, upstream);
    }
}
