namespace GoKart.Experiments;

/// <summary>The git repository has uncommitted changes to tracked files; commit them or pass --allow-dirty.</summary>
public sealed class DirtyRepoException : ExperimentException
{
    /// <summary>Creates the exception.</summary>
    public DirtyRepoException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DirtyRepoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DirtyRepoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
