namespace GoKart.Viewer;

/// <summary>An id, id prefix or task name that names no run, or more than one; carries the candidates.</summary>
public sealed class RunLookupException : GoKartException
{
    /// <summary>Creates the exception.</summary>
    public RunLookupException(string query, string message, IReadOnlyList<TaskRun> candidates)
        : base(message)
    {
        Query = query;
        Candidates = candidates;
    }

    /// <summary>What was looked up.</summary>
    public string Query { get; }

    /// <summary>The runs it could have meant.</summary>
    public IReadOnlyList<TaskRun> Candidates { get; }
}
