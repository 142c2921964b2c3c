namespace GoKart;

/// <summary>
/// A task is defined or used wrongly (unsupported parameter type, no <c>Run</c>, a dependency cycle, a
/// <c>Load</c> of a task that is not required, an output the registry cannot write). Raised before any
/// output is touched wherever possible.
/// </summary>
public sealed class TaskDefinitionException : GoKartException
{
    /// <summary>Creates the exception.</summary>
    public TaskDefinitionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TaskDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TaskDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one task.</summary>
    public TaskDefinitionException(string taskName, string message)
        : base(message) => TaskName = taskName;

    /// <summary>Creates the exception for one task, with its cause.</summary>
    public TaskDefinitionException(string taskName, string message, Exception innerException)
        : base(message, innerException) => TaskName = taskName;

    /// <summary>The task class the problem is about, when there is one.</summary>
    public string? TaskName { get; }
}
