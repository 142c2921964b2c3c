using System.Globalization;
using GoKart.Storage;

namespace GoKart.Slurm;

/// <summary>
/// The driver side: submits every missing task's job with afterok dependencies, then watches them with
/// squeue (backing off while nothing changes) until each task has an outcome. A failed job fails its task
/// with the job's id, log paths and stderr tail; jobs that depend on it are cancelled (afterok would keep them
/// pending for ever) and their independent tasks submitted again. Cancellation cancels every job it submitted.
/// </summary>
internal sealed partial class SlurmDriver(ExecutionPlan plan, SlurmOptions options, SlurmCommands commands, TextWriter output)
{
    private readonly Dictionary<ScheduledTask, SlurmBatch> _batchOf = new(ReferenceEqualityComparer.Instance);
    private readonly List<SlurmBatch> _batches = [];
    private readonly Dictionary<string, SlurmResources> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan?> _estimates = new(StringComparer.Ordinal);
    private string _logFolder = string.Empty;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var localRoot = plan.Store is LocalFileStore local ? local.Root : null;
        _logFolder = Path.GetFullPath(options.LogFolder ?? Path.Combine(localRoot ?? Environment.CurrentDirectory, "log", "slurm"));
        await WorkspaceCheck.CheckAsync(plan, localRoot, options, commands, cancellationToken).ConfigureAwait(false);
        if (!options.DryRun)
        {
            await AdoptQueuedAsync(cancellationToken).ConfigureAwait(false);
        }

        if (options.MaxBatchTime is not null)
        {
            await LoadEstimatesAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await SubmitAsync(plan.Tasks.Where(t => !_batchOf.ContainsKey(t)).ToList(), cancellationToken).ConfigureAwait(false);
            if (options.DryRun)
            {
                return;
            }

            await WatchAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelAllAsync().ConfigureAwait(false);
            throw;
        }
        catch
        {
            await CancelAllAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task SubmitAsync(List<ScheduledTask> tasks, CancellationToken cancellationToken)
    {
        var batches = BatchPlanner.Plan(tasks, options.MaxBatchSize, options.MaxBatchTime, ResourcesOf, EstimateOf);
        foreach (var batch in batches)
        {
            foreach (var task in batch.Tasks)
            {
                _batchOf[task] = batch;
            }
        }

        foreach (var batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _batches.Add(batch);
            await SubmitOneAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SubmitOneAsync(SlurmBatch batch, CancellationToken cancellationToken)
    {
        var dependencies = batch.Tasks.SelectMany(t => t.Dependencies)
            .Select(d => _batchOf[d]).Where(b => b != batch && !b.Finished).Select(b => b.JobId ?? "<" + b.Key + ">")
            .Distinct(StringComparer.Ordinal).ToList();
        var name = Sanitize(batch.Tasks[0].Name) + "_" + batch.Key;
        batch.StdoutPath = Path.Combine(_logFolder, name + "-%j.out");
        batch.StderrPath = Path.Combine(_logFolder, name + "-%j.err");
        var batchPath = BatchFile.PathFor(_logFolder, batch.Key);
        var arguments = new List<string>
        {
            "--parsable",
            "--job-name=gokart-" + Sanitize(batch.Tasks[0].Name),
            "--comment=gokart:" + batchPath,
            "--output=" + batch.StdoutPath,
            "--error=" + batch.StderrPath,
            "--chdir=" + Environment.CurrentDirectory,
            "--export=ALL",
        };
        if (dependencies.Count > 0)
        {
            arguments.Add("--dependency=afterok:" + string.Join(':', dependencies));
        }

        arguments.AddRange(batch.Resources.ToArguments());
        arguments.Add("--wrap=" + $"{BatchFile.Variable}={ShellQuote.Quote(batchPath)} exec " + string.Join(' ', JobCommand().Select(ShellQuote.Quote)));
        if (options.DryRun)
        {
            await output.WriteLineAsync($"# {batch.Describe()}{Environment.NewLine}{SlurmCommands.Describe("sbatch", arguments)}").ConfigureAwait(false);
            batch.JobId = "<" + batch.Key + ">";
            return;
        }

        Directory.CreateDirectory(_logFolder);
        await new BatchFile([.. batch.Tasks.Select(t => t.UniqueId)], batch.StdoutPath, batch.StderrPath).WriteAsync(batchPath, cancellationToken).ConfigureAwait(false);
        // Not cancelled half-way: a job sbatch created must have its id recorded, or cancelling would miss it.
        var answer = await commands.RunAsync("sbatch", arguments, CancellationToken.None).ConfigureAwait(false);
        batch.JobId = answer.Trim().Split(';')[0];
        batch.Submitted = true;
        await Line($"submitted job {batch.JobId}: {batch.Describe()}" + (dependencies.Count > 0 ? $" (after {string.Join(", ", dependencies)})" : string.Empty)).ConfigureAwait(false);
    }

    private IReadOnlyList<string> JobCommand()
    {
        if (options.Command is { Count: > 0 } command)
        {
            return command;
        }

        // A job never dry-runs: the printed command is the one a real submission would use.
        var args = Environment.GetCommandLineArgs().Where(a => a != "--dry-run" && !a.StartsWith("--dry-run=", StringComparison.Ordinal)).ToArray();
        var process = Environment.ProcessPath ?? throw new SlurmException("Cannot tell which program this is; set SlurmOptions.Command.");
        // Under the dotnet host, the first argument is the program's dll; an apphost is the program itself.
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, .. args] : [process, .. args.Skip(1)];
    }

    private SlurmResources ResourcesOf(ScheduledTask task)
    {
        if (!_resources.TryGetValue(task.Name, out var resources))
        {
            var attribute = task.Task.GetType().GetCustomAttributes(typeof(SlurmResourcesAttribute), inherit: true).OfType<SlurmResourcesAttribute>().FirstOrDefault();
            resources = options.Defaults.With(attribute?.ToResources()).With(options.Tasks.GetValueOrDefault(task.Name));
            _resources[task.Name] = resources;
        }

        return resources;
    }

    private TimeSpan? EstimateOf(ScheduledTask task) => _estimates.GetValueOrDefault(task.Name);

    private Task Line(string text) => output.WriteLineAsync($"[slurm {plan.Time.GetLocalNow():HH:mm:ss}] {text}");

    private static string Sanitize(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
