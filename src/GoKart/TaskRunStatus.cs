namespace GoKart;

/// <summary>The status of a task at the end of a build (luigi's execution summary categories).</summary>
public enum TaskRunStatus
{
    /// <summary>Its outputs already existed; it did not run.</summary>
    AlreadyComplete,

    /// <summary>It ran and its outputs were written.</summary>
    Succeeded,

    /// <summary>It ran and failed.</summary>
    Failed,

    /// <summary>It did not run because a requirement failed.</summary>
    UpstreamFailed,

    /// <summary>Another process completed it while this build waited for its run lock.</summary>
    CompletedElsewhere,

    /// <summary>The build was cancelled before it ran.</summary>
    Cancelled,
}
