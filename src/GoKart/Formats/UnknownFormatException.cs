namespace GoKart.Formats;

/// <summary>No registered format handles a target's extension, or the value's type.</summary>
public sealed class UnknownFormatException : GoKartException
{
    /// <summary>Creates the exception.</summary>
    public UnknownFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public UnknownFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
