namespace GoKart;

/// <summary>
/// Thrown by <see cref="Kart.Build{T}"/> after every independent branch has finished when one or more
/// tasks failed. Carries each failed task's id and exception; tasks that never ran because an input
/// failed are listed in <see cref="UpstreamFailed"/>.
/// </summary>
public sealed class GoKartBuildException : GoKartException
{
    /// <summary>Creates the exception.</summary>
    public GoKartBuildException()
        : this([], [])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GoKartBuildException(string message)
        : base(message)
    {
        Failures = [];
        UpstreamFailed = [];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GoKartBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failures = [];
        UpstreamFailed = [];
    }

    /// <summary>Creates the exception for a list of failures.</summary>
    public GoKartBuildException(IReadOnlyList<TaskFailure> failures, IReadOnlyList<string> upstreamFailed)
        : base(Describe(failures, upstreamFailed), failures.Count > 0 ? failures[0].Exception : null!)
    {
        Failures = failures;
        UpstreamFailed = upstreamFailed;
    }

    /// <summary>Every task that failed, in the order they failed.</summary>
    public IReadOnlyList<TaskFailure> Failures { get; }

    /// <summary><c>Name[id]</c> of tasks not run because a requirement failed.</summary>
    public IReadOnlyList<string> UpstreamFailed { get; }

    private static string Describe(IReadOnlyList<TaskFailure> failures, IReadOnlyList<string> upstream)
    {
        var lines = failures.Select(f => "  " + f);
        var text = $"{failures.Count} task(s) failed:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
        return upstream.Count == 0 ? text : $"{text}{Environment.NewLine}{upstream.Count} task(s) not run because a requirement failed.";
    }
}
