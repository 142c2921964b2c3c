namespace GoKart.Slurm;

/// <summary>How <see cref="SlurmExecutor"/> submits and watches jobs. Config keys of <c>[slurm]</c> in brackets.</summary>
/// <example>
/// <code>
/// var options = new BuildOptions
/// {
///     Workspace = "/shared/project/resources",
///     Executor = new SlurmExecutor(new SlurmOptions { Defaults = new() { Partition = "cpu", Time = "30" }, MaxBatchSize = 50 }),
/// };
/// Kart.Build(new Report(), options);
/// </code>
/// </example>
public sealed class SlurmOptions
{
    /// <summary>Resources of every job (<c>partition, account, time, memory, cpus_per_task, gpus, extra_args</c>).</summary>
    public SlurmResources Defaults { get; init; } = new();

    /// <summary>Resources by task class name (<c>[slurm.TaskName]</c>), over the class's <see cref="SlurmResourcesAttribute"/>.</summary>
    public IReadOnlyDictionary<string, SlurmResources> Tasks { get; init; } = new Dictionary<string, SlurmResources>();

    /// <summary>Most tasks in one job (<c>max_batch_size</c>, default 1: a job per task).</summary>
    public int MaxBatchSize { get; init; } = 1;

    /// <summary>Most estimated run time in one job, from earlier processing_time logs (<c>max_batch_time</c>, seconds); null: size only.</summary>
    public TimeSpan? MaxBatchTime { get; init; }

    /// <summary>Where job stdout/stderr and batch files go (<c>log_folder</c>); default <c>&lt;workspace&gt;/log/slurm</c>, or <c>log/slurm</c> under the current directory for a remote workspace.</summary>
    public string? LogFolder { get; init; }

    /// <summary>Skip the check that jobs can see the workspace (<c>shared_workspace</c>).</summary>
    public bool SharedWorkspace { get; init; }

    /// <summary>Print the sbatch commands and submit nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>First poll interval (<c>poll_interval</c>, seconds); doubles while nothing changes up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest poll interval (<c>max_poll_interval</c>, seconds).</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The command each job runs; default: this program as started (same entry assembly and arguments).</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Where progress lines and the dry run go (default: standard error).</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Reads environment variables (the job mode's <c>GOKART_SLURM_BATCH</c>, <c>SLURM_JOB_ID</c>).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Longest wait for one Slurm command (sbatch, squeue, scontrol, scancel).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
