namespace GoKart.Redis;

/// <summary>The Redis lock server could not be used; the message names its endpoint, never its password.</summary>
public sealed class RedisLockException : GoKartException
{
    /// <summary>Creates the exception.</summary>
    public RedisLockException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RedisLockException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RedisLockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
