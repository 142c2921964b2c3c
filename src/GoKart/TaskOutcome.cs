namespace GoKart;

/// <summary>What happened to one task in a build.</summary>
/// <param name="TaskName">The task's class name.</param>
/// <param name="UniqueId">The task's unique id.</param>
/// <param name="Status">Its status.</param>
/// <param name="Duration">How long it ran, when it ran.</param>
/// <param name="Error">Why it failed, when it failed.</param>
public sealed record TaskOutcome(string TaskName, string UniqueId, TaskRunStatus Status, TimeSpan? Duration, Exception? Error)
{
    /// <summary>How many times the task was run in this build: 0 when it was not run, more than 1 after retries.</summary>
    public int Attempts { get; init; }
}
