namespace GoKart;

/// <summary>What just happened in a build, with the running totals.</summary>
/// <param name="Event">What happened.</param>
/// <param name="TaskName">The task's class name.</param>
/// <param name="UniqueId">The task's unique id.</param>
/// <param name="Total">Tasks to run in this build.</param>
/// <param name="Done">Tasks that ran successfully so far.</param>
/// <param name="Running">Tasks running now.</param>
/// <param name="Failed">Tasks that failed so far (not counting those skipped for an upstream failure).</param>
/// <param name="Elapsed">Time since the build started running tasks.</param>
public sealed record BuildProgress(
    BuildEvent Event,
    string TaskName,
    string UniqueId,
    int Total,
    int Done,
    int Running,
    int Failed,
    TimeSpan Elapsed);
