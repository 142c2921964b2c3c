namespace GoKart.Viewer;

/// <summary>An output of a run.</summary>
/// <param name="Name"><c>output</c> for the main output, else the name from AdditionalOutputs().</param>
/// <param name="Location">The location recorded in the log (<c>resources/x.json</c>, <c>s3://b/p/x.json</c>).</param>
/// <param name="Path">The workspace-relative path; null when an old log names a location outside this workspace.</param>
/// <param name="Size">Its size in bytes when it exists.</param>
public sealed record RunOutput(string Name, string Location, string? Path, long? Size)
{
    /// <summary>Whether the output exists in the workspace now.</summary>
    public bool Exists => Size is not null;
}
