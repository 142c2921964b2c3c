namespace GoKart.Testing;

/// <summary>Thrown by <see cref="TableAssert.Equal{TRow}"/>: the message lists each differing row and column.</summary>
public sealed class TableMismatchException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public TableMismatchException()
    {
    }

    /// <summary>Creates the exception with the list of differences.</summary>
    public TableMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TableMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
