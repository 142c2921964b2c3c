namespace GoKart.Formats.Json;

/// <summary>A JSON object continues past the end of the buffer being parsed; the reader refills and retries it.</summary>
internal sealed class IncompleteJsonObjectException : Exception
{
    public IncompleteJsonObjectException()
        : base("The JSON object continues past the end of the buffer.")
    {
    }

    public IncompleteJsonObjectException(string message)
        : base(message)
    {
    }

    public IncompleteJsonObjectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
