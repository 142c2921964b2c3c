namespace GoKart.Viewer;

/// <summary>
/// One recorded task run: what its run logs say (parameters, times, seed, requirements, outputs) and, from the
/// workspace listing, whether each output still exists and its size. Never read from the outputs themselves.
/// </summary>
public sealed record TaskRun
{
    /// <summary>The unique id (32 hex characters).</summary>
    public required string Id { get; init; }

    /// <summary>The class name (gokart's task family).</summary>
    public required string TaskName { get; init; }

    /// <summary>The full type name; null in logs written before it was recorded.</summary>
    public string? TypeName { get; init; }

    /// <summary>The namespace, from the type name or else the output folder (<c>__main__</c> is the empty namespace); null when unknown.</summary>
    public string? Namespace { get; init; }

    /// <summary>Parameters as recorded (luigi-serialized text, task parameters as unique ids), in recorded order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>When the run started; null when processing_time is missing.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>When the run ended; null when processing_time is missing.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>How long Run took.</summary>
    public TimeSpan? ProcessingTime { get; init; }

    /// <summary>The seed of the task's Random.</summary>
    public long? RandomSeed { get; init; }

    /// <summary>The outputs: the main one (<c>output</c>) first, then named ones.</summary>
    public IReadOnlyList<RunOutput> Outputs { get; init; } = [];

    /// <summary>Direct requirements in Requires() order; null when the logs predate their recording (a partial graph).</summary>
    public IReadOnlyList<RunRequirement>? Requires { get; init; }

    /// <summary>Workspace paths of this run's log files (made on demand: a scan keeps only which kinds exist).</summary>
    public IReadOnlyList<string> LogPaths =>
        [.. LogFileName.All.Where((_, i) => (LogMask & (1 << i)) != 0).Select(kind => LogFileName.PathOf(kind, TaskName, Id))];

    /// <summary>Which of <see cref="LogFileName.All"/> exist, one bit each.</summary>
    internal int LogMask { get; init; }

    /// <summary>Whether every output still exists.</summary>
    public bool OutputsPresent => Outputs.Count > 0 && Outputs.All(o => o.Exists);

    /// <summary>Total size in bytes of the outputs that exist.</summary>
    public long Size => Outputs.Sum(o => o.Size ?? 0);

    /// <summary>The value of a parameter as recorded, or null.</summary>
    public string? Parameter(string name)
    {
        foreach (var (key, value) in Parameters)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary><c>Name[id]</c>, gokart's label.</summary>
    public override string ToString() => $"{TaskName}[{Id}]";
}
