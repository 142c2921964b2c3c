namespace GoKart;

/// <summary>One task that failed during a build.</summary>
/// <param name="TaskName">The task's class name.</param>
/// <param name="UniqueId">The task's unique id.</param>
/// <param name="Exception">What the task (or writing its output) threw.</param>
public sealed record TaskFailure(string TaskName, string UniqueId, Exception Exception)
{
    /// <summary>What the task's <c>OnFailure</c> hook returned; null when it returned nothing.</summary>
    public string? Explanation { get; init; }

    /// <summary>How many times the task was run before it failed for good (more than 1 after retries).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary><c>Name[id]: Type: message</c>, then the explanation and the number of attempts when there are any.</summary>
    public override string ToString() =>
        $"{TaskName}[{UniqueId}]: {Exception.GetType().Name}: {Exception.Message}"
        + (Explanation is null ? string.Empty : $" ({Explanation})")
        + (Attempts > 1 ? $" after {Attempts} attempts" : string.Empty);
}
