namespace GoKart.Slurm;

/// <summary>
/// Runs a build's missing tasks as Slurm jobs. In the driver (the program as the user started it) it submits
/// and watches jobs; inside a job (<c>GOKART_SLURM_BATCH</c> set) the same program runs that job's tasks in
/// process and exits with 0, or 1 when a task failed. Task code is the same as for a local build.
/// </summary>
/// <example>
/// <code>
/// var executor = new SlurmExecutor(new SlurmOptions { Defaults = new() { Partition = "cpu" }, MaxBatchSize = 20 });
/// var report = await Kart.BuildAsync(new Report(), new BuildOptions { Workspace = "/shared/resources", Executor = executor });
/// </code>
/// </example>
public sealed class SlurmExecutor(SlurmOptions options) : ITaskExecutor
{
    /// <summary>A driver with default options.</summary>
    public SlurmExecutor()
        : this(new SlurmOptions())
    {
    }

    /// <summary>The options this executor uses.</summary>
    public SlurmOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Whether this process is a Slurm job started by a driver.</summary>
    public bool IsJob => !string.IsNullOrEmpty(Options.GetEnvironmentVariable(BatchFile.Variable));

    /// <inheritdoc/>
    public async Task ExecuteAsync(ExecutionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var commands = new SlurmCommands(Options.CommandTimeout);
        if (Options.GetEnvironmentVariable(BatchFile.Variable) is { Length: > 0 } batchPath)
        {
            var status = await JobRunner.RunAsync(plan, batchPath, Options, cancellationToken).ConfigureAwait(false);
            // The job's whole purpose is done; the rest of the program (the root's output) is the driver's.
            Environment.Exit(status);
        }

        var output = Options.Output ?? Console.Error;
        await new SlurmDriver(plan, Options, commands, output).RunAsync(cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
