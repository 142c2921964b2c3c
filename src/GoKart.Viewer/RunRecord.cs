namespace GoKart.Viewer;

/// <summary>
/// A run as its logs record it, before the workspace is checked: what the cache stores and the log parser fills
/// in. Outputs are (name, location, workspace path) without sizes; <see cref="RunScanner"/> makes the public
/// <see cref="TaskRun"/> once, with sizes, namespace and log mask, so no run is copied on the way.
/// </summary>
internal sealed class RunRecord(string taskName, string id)
{
    public string TaskName { get; } = taskName;

    public string Id { get; } = id;

    public string? TypeName { get; set; }

    public KeyValuePair<string, string>[] Parameters { get; set; } = [];

    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }

    public TimeSpan? ProcessingTime { get; set; }

    public long? RandomSeed { get; set; }

    public RecordedOutput[] Outputs { get; set; } = [];

    /// <summary>Each output's size when last checked (-1: missing); empty when never checked. See <see cref="OutputSizes"/>.</summary>
    public long[] OutputSizes { get; set; } = [];

    public RunRequirement[]? Requires { get; set; }

    public LogProblem[] Problems { get; set; } = [];

    /// <summary>The stamp of the log files this was read from (see <see cref="RunFiles.Stamp"/>).</summary>
    public long[] Stamp { get; set; } = [];
}

/// <summary>An output as the task log records it: its name, the location as written, the workspace path when recorded.</summary>
internal readonly record struct RecordedOutput(string Name, string Location, string? Path);
