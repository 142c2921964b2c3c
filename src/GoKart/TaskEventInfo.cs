namespace GoKart;

/// <summary>A task event for <see cref="IBuildObserver"/>.</summary>
/// <param name="Task">The task instance.</param>
/// <param name="TaskName">Its class name.</param>
/// <param name="UniqueId">Its unique id.</param>
/// <param name="Attempts">How many times it has been run in this build so far.</param>
/// <param name="Duration">How long the last attempt ran, when it has finished.</param>
/// <param name="Error">Why it failed, for <see cref="IBuildObserver.TaskFailed"/>.</param>
public sealed record TaskEventInfo(TaskOnKart Task, string TaskName, string UniqueId, int Attempts, TimeSpan? Duration, Exception? Error);
