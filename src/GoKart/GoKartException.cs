namespace GoKart;

/// <summary>Base of the exceptions GoKart.NET raises for problems it detects itself.</summary>
public class GoKartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GoKartException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GoKartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GoKartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
