namespace GoKart.Experiments;

/// <summary>An existing experiment was resumed at a different git commit.</summary>
public sealed class MismatchedCommitException : ExperimentException
{
    /// <summary>Creates the exception.</summary>
    public MismatchedCommitException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MismatchedCommitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MismatchedCommitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
