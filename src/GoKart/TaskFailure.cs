namespace GoKart;

/// <summary>One task that failed during a build.</summary>
/// <param name="TaskName">The task's class name.</param>
/// <param name="UniqueId">The task's unique id.</param>
/// <param name="Exception">What the task (or writing its output) threw.</param>
public sealed record TaskFailure(string TaskName, string UniqueId, Exception Exception)
{
    /// <summary><c>Name[id]: message</c>.</summary>
    public override string ToString() => $"{TaskName}[{UniqueId}]: {Exception.GetType().Name}: {Exception.Message}";
}
