namespace GoKart.Experiments;

/// <summary>Base of the exceptions raised when an experiment cannot be recorded or resumed.</summary>
public class ExperimentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExperimentException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ExperimentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ExperimentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
