namespace GoKart.Slurm;

/// <summary>
/// What a job asks Slurm for. Null fields inherit: a task's <c>[slurm.TaskName]</c> section or
/// <see cref="SlurmOptions.Tasks"/> entry over its <see cref="SlurmResourcesAttribute"/> over <see cref="SlurmOptions.Defaults"/>.
/// </summary>
public sealed record SlurmResources
{
    /// <summary><c>--partition</c>.</summary>
    public string? Partition { get; init; }

    /// <summary><c>--account</c>.</summary>
    public string? Account { get; init; }

    /// <summary><c>--time</c>, in Slurm's syntax (<c>30</c>, <c>1:00:00</c>, <c>1-00:00:00</c>); per job.</summary>
    public string? Time { get; init; }

    /// <summary><c>--mem</c> (<c>4G</c>, <c>500M</c>).</summary>
    public string? Memory { get; init; }

    /// <summary><c>--cpus-per-task</c>.</summary>
    public int? CpusPerTask { get; init; }

    /// <summary><c>--gpus</c> (<c>1</c>, <c>a100:2</c>).</summary>
    public string? Gpus { get; init; }

    /// <summary>More sbatch arguments, appended as given (e.g. <c>--qos=long</c>).</summary>
    public IReadOnlyList<string>? ExtraArguments { get; init; }

    /// <summary>Fields of <paramref name="over"/> where set, else these.</summary>
    public SlurmResources With(SlurmResources? over) => over is null ? this : new SlurmResources
    {
        Partition = over.Partition ?? Partition,
        Account = over.Account ?? Account,
        Time = over.Time ?? Time,
        Memory = over.Memory ?? Memory,
        CpusPerTask = over.CpusPerTask ?? CpusPerTask,
        Gpus = over.Gpus ?? Gpus,
        ExtraArguments = over.ExtraArguments ?? ExtraArguments,
    };

    /// <summary>The sbatch arguments for these resources.</summary>
    public IEnumerable<string> ToArguments()
    {
        if (Partition is not null) { yield return "--partition=" + Partition; }
        if (Account is not null) { yield return "--account=" + Account; }
        if (Time is not null) { yield return "--time=" + Time; }
        if (Memory is not null) { yield return "--mem=" + Memory; }
        if (CpusPerTask is { } cpus) { yield return "--cpus-per-task=" + cpus.ToString(System.Globalization.CultureInfo.InvariantCulture); }
        if (Gpus is not null) { yield return "--gpus=" + Gpus; }
        foreach (var extra in ExtraArguments ?? []) { yield return extra; }
    }
}
