namespace GoKart;

/// <summary>Kinds of <see cref="BuildProgress"/> events.</summary>
public enum BuildEvent
{
    /// <summary>A task started running.</summary>
    Started,

    /// <summary>A task finished and its outputs are written.</summary>
    Succeeded,

    /// <summary>A task failed.</summary>
    Failed,

    /// <summary>Another process completed the task while this one waited for its run lock.</summary>
    CompletedElsewhere,
}
