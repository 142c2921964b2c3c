namespace GoKart.Experiments;

/// <summary>An existing experiment was resumed with different arguments.</summary>
public sealed class MismatchedArgsException : ExperimentException
{
    /// <summary>Creates the exception.</summary>
    public MismatchedArgsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MismatchedArgsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MismatchedArgsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
