namespace GoKart;

/// <summary>
/// luigi's <c>retry_count</c> on a task class: a failed run is tried again up to <see cref="Count"/> more times,
/// each attempt from scratch (its unfinished outputs and log discarded). Overrides
/// <see cref="BuildOptions.RetryCount"/> and <see cref="BuildOptions.RetryDelay"/> for this class.
/// Cancellation and missing external data are never retried.
/// </summary>
/// <example>
/// <code>
/// [Retry(3, DelaySeconds = 10)]
/// public sealed class Download : TaskOnKart&lt;byte[]&gt; { ... }
/// </code>
/// </example>
/// <param name="count">How many times a failed run is retried (0: never).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class RetryAttribute(int count) : Attribute
{
    /// <summary>How many times a failed run is retried.</summary>
    public int Count { get; } = count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "a retry count is 0 or more");

    /// <summary>Seconds to wait before each retry (default 0).</summary>
    public double DelaySeconds { get; init; }
}
