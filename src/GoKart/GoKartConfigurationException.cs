namespace GoKart;

/// <summary>
/// The build is configured wrongly: a workspace location no provider opens, inconsistent lock settings, a
/// bad value in a config file. Raised before any task runs; the command line exits with
/// <see cref="CommandLine.ExitCodes.UsageError"/>.
/// </summary>
public sealed class GoKartConfigurationException : GoKartException
{
    /// <summary>Creates the exception.</summary>
    public GoKartConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message saying what is wrong and how to fix it.</summary>
    public GoKartConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GoKartConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
