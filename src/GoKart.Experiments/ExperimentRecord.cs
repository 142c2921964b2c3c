using System.Text.Json.Nodes;

namespace GoKart.Experiments;

/// <summary>One experiment folder as read back by listings.</summary>
public sealed record ExperimentRecord
{
    /// <summary>The folder name.</summary>
    public required string Id { get; init; }

    /// <summary>The full path of the folder.</summary>
    public required string Directory { get; init; }

    /// <summary>The git commit the experiment ran at.</summary>
    public string? Sha { get; init; }

    /// <summary>The description given with --description.</summary>
    public string? Description { get; init; }

    /// <summary>When the experiment first started (with its offset).</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When it last ended, null while running.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>RUNNING, SUCCESS, ERROR, or DEAD for a RUNNING experiment whose process is gone.</summary>
    public required string Status { get; init; }

    /// <summary>The first line after the status word (the exception or exit code for ERROR).</summary>
    public string StatusMessage { get; init; } = "";

    /// <summary>The program's arguments (<c>args.json</c>).</summary>
    public JsonObject Args { get; init; } = [];

    /// <summary>The program's default arguments (<c>default_args.json</c>).</summary>
    public JsonObject DefaultArgs { get; init; } = [];

    /// <summary>The summary metrics (<c>summary.json</c>).</summary>
    public JsonObject Summary { get; init; } = [];

    /// <summary>The metric series the experiment logged (<c>metrics.jsonl</c>); see <see cref="ExperimentMetrics.Read"/>.</summary>
    public IReadOnlyList<MetricPoint> ReadMetrics() => ExperimentMetrics.Read(Directory);
}
