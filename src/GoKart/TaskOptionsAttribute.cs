namespace GoKart;

/// <summary>
/// gokart's per-task switches, set on the task class instead of crowding its parameters. Each switch can
/// also be turned on for every task of a build through <see cref="BuildOptions"/>.
/// </summary>
/// <example>
/// <code>
/// [TaskOptions(StrictCheck = true, FailOnEmptyDump = true)]
/// public sealed class Features : TaskOnKart&lt;IReadOnlyList&lt;Row&gt;&gt; { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class TaskOptionsAttribute : Attribute
{
    /// <summary>Run this task even when its output exists (the old output is replaced atomically).</summary>
    public bool Rerun { get; init; }

    /// <summary>Complete only when every output exists and every requirement is complete too.</summary>
    public bool StrictCheck { get; init; }

    /// <summary>Complete only when the outputs are newer than every input.</summary>
    public bool ModificationTimeCheck { get; init; }

    /// <summary>Fail instead of dumping an empty value (null, empty string or empty collection).</summary>
    public bool FailOnEmptyDump { get; init; }

    /// <summary>When false, dependents do not fold this task's id into theirs (gokart's <c>significant=False</c>).</summary>
    public bool Significant { get; init; } = true;

    /// <summary>Take a run lock so that concurrent processes run this task once (gokart's <c>should_lock_run</c>).</summary>
    public bool ShouldLockRun { get; init; }
}
