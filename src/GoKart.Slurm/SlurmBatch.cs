namespace GoKart.Slurm;

/// <summary>Tasks that run in one Slurm job, requirements first, and what the driver knows of that job.</summary>
internal sealed class SlurmBatch(IReadOnlyList<ScheduledTask> tasks, SlurmResources resources)
{
    public IReadOnlyList<ScheduledTask> Tasks { get; } = tasks;

    public SlurmResources Resources { get; } = resources;

    /// <summary>The first task's unique id: names the batch file and the job's log files.</summary>
    public string Key => Tasks[0].UniqueId;

    public string? JobId { get; set; }

    /// <summary>sbatch accepted it (a dry run sets a placeholder <see cref="JobId"/> only).</summary>
    public bool Submitted { get; set; }

    /// <summary>Submitted by another driver still running; we watch it but never cancel it.</summary>
    public bool Adopted { get; set; }

    public string LastState { get; set; } = "SUBMITTED";

    public bool Finished { get; set; }

    /// <summary>Cancelled by this driver because a job it depends on failed.</summary>
    public bool CancelledByUs { get; set; }

    public string StdoutPath { get; set; } = string.Empty;

    public string StderrPath { get; set; } = string.Empty;

    public string Describe() => Tasks.Count == 1 ? Tasks[0].Label : $"{Tasks[0].Label} +{Tasks.Count - 1} task(s)";
}
