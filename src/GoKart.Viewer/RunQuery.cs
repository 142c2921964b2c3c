namespace GoKart.Viewer;

/// <summary>Which runs to list, in what order, and which page of them.</summary>
/// <example>
/// <code>
/// var page = runs.Query(new RunQuery { Name = "Train*", Parameters = [ParameterCondition.Parse("epochs&gt;5")], Limit = 50 });
/// </code>
/// </example>
public sealed record RunQuery
{
    /// <summary>Task name: a glob (<c>*</c>, <c>?</c>) matched against the whole class or type name, else a substring; case-insensitive.</summary>
    public string? Name { get; init; }

    /// <summary>Conditions on recorded parameter values, all of which must hold.</summary>
    public IReadOnlyList<ParameterCondition> Parameters { get; init; } = [];

    /// <summary>Only runs that ended at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only runs that ended at or before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Whether the outputs must be present, missing, or either.</summary>
    public OutputState Outputs { get; init; } = OutputState.Any;

    /// <summary>The order of the page.</summary>
    public RunSort Sort { get; init; } = RunSort.End;

    /// <summary>Largest first (newest first for times).</summary>
    public bool Descending { get; init; }

    /// <summary>Matching runs to skip (paging).</summary>
    public int Offset { get; init; }

    /// <summary>At most this many runs in the page; null for all.</summary>
    public int? Limit { get; init; }
}
