namespace GoKart.S3;

/// <summary>An S3 request failed for good; the message names the operation, the object and the endpoint, never credentials.</summary>
public sealed class S3StoreException : GoKartException
{
    /// <summary>Creates the exception.</summary>
    public S3StoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public S3StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public S3StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
