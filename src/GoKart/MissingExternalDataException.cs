namespace GoKart;

/// <summary>The output of an <see cref="ExternalTask{T}"/> does not exist, so the tasks that need it cannot run.</summary>
public sealed class MissingExternalDataException : GoKartException
{
    /// <summary>Creates the exception.</summary>
    public MissingExternalDataException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MissingExternalDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MissingExternalDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an external task and the workspace path it expected.</summary>
    public MissingExternalDataException(string taskName, string path)
        : base($"External data of '{taskName}' is missing: expected '{path}' in the workspace. Put the file there (it is made outside this pipeline) and run again.")
    {
        TaskName = taskName;
        Path = path;
    }

    /// <summary>The external task's class name.</summary>
    public string? TaskName { get; }

    /// <summary>The workspace path that was expected.</summary>
    public string? Path { get; }
}
