namespace GoKart.Experiments.Recording;

/// <summary>The names of the files inside an experiment folder (the on-disk contract read by listings).</summary>
internal static class ExperimentFiles
{
    public const string Args = "args.json";
    public const string DefaultArgs = "default_args.json";
    public const string Metadata = "metadata.json";
    public const string Status = "STATUS";
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";
    public const string Summary = "summary.json";
    public const string Patch = "uncommitted.patch";
    public const string Metrics = "metrics.jsonl";
}
