namespace GoKart.Slurm;

/// <summary>A task class's Slurm resources, overridden by <c>[slurm.TaskName]</c> config.</summary>
/// <example>
/// <code>
/// [SlurmResources(Memory = "16G", CpusPerTask = 4, Gpus = "1")]
/// public sealed class Train : TaskOnKart&lt;Model&gt; { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class SlurmResourcesAttribute : Attribute
{
    /// <summary><c>--partition</c>.</summary>
    public string? Partition { get; set; }

    /// <summary><c>--account</c>.</summary>
    public string? Account { get; set; }

    /// <summary><c>--time</c>.</summary>
    public string? Time { get; set; }

    /// <summary><c>--mem</c>.</summary>
    public string? Memory { get; set; }

    /// <summary><c>--cpus-per-task</c>; 0 leaves it unset.</summary>
    public int CpusPerTask { get; set; }

    /// <summary><c>--gpus</c>.</summary>
    public string? Gpus { get; set; }

    internal SlurmResources ToResources() => new()
    {
        Partition = Partition,
        Account = Account,
        Time = Time,
        Memory = Memory,
        CpusPerTask = CpusPerTask > 0 ? CpusPerTask : null,
        Gpus = Gpus,
    };
}
