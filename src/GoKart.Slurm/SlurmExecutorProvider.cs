using System.Globalization;

namespace GoKart.Slurm;

/// <summary>
/// <c>--executor slurm</c> for <c>Kart.Run</c> programs: options from <c>[slurm]</c>, per task class from
/// <c>[slurm.TaskName]</c>. Keys: partition, account, time, memory (mem), cpus_per_task, gpus, extra_args,
/// max_batch_size, max_batch_time, log_folder, shared_workspace, poll_interval, max_poll_interval.
/// </summary>
public sealed class SlurmExecutorProvider : ITaskExecutorProvider
{
    /// <inheritdoc/>
    public string Name => "slurm";

    /// <inheritdoc/>
    public ITaskExecutor Create(ExecutorConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new SlurmExecutor(Read(configuration));
    }

    internal static SlurmOptions Read(ExecutorConfiguration configuration)
    {
        var main = configuration.Sections.GetValueOrDefault(string.Empty) ?? [];
        var defaults = new SlurmResources();
        int maxBatchSize = 1;
        TimeSpan? maxBatchTime = null;
        string? logFolder = null;
        var shared = false;
        var poll = TimeSpan.FromMilliseconds(250);
        var maxPoll = TimeSpan.FromSeconds(10);
        foreach (var setting in main)
        {
            switch (Normalize(setting.Key))
            {
                case "max_batch_size": maxBatchSize = PositiveInt(setting); break;
                case "max_batch_time": maxBatchTime = Seconds(setting); break;
                case "log_folder": logFolder = setting.Value; break;
                case "shared_workspace": shared = Bool(setting); break;
                case "poll_interval": poll = Seconds(setting); break;
                case "max_poll_interval": maxPoll = Seconds(setting); break;
                default: defaults = Apply(defaults, setting); break;
            }
        }

        var tasks = configuration.Sections.Where(s => s.Key.Length > 0)
            .ToDictionary(s => s.Key, s => s.Value.Aggregate(new SlurmResources(), Apply), StringComparer.Ordinal);
        return new SlurmOptions
        {
            Defaults = defaults,
            Tasks = tasks,
            MaxBatchSize = maxBatchSize,
            MaxBatchTime = maxBatchTime,
            LogFolder = logFolder,
            SharedWorkspace = shared,
            PollInterval = poll,
            MaxPollInterval = maxPoll < poll ? poll : maxPoll,
            DryRun = configuration.DryRun,
            Output = configuration.Output,
            GetEnvironmentVariable = configuration.GetEnvironmentVariable,
        };
    }

    private static SlurmResources Apply(SlurmResources resources, ExecutorSetting setting) => Normalize(setting.Key) switch
    {
        "partition" => resources with { Partition = setting.Value },
        "account" => resources with { Account = setting.Value },
        "time" or "time_limit" => resources with { Time = setting.Value },
        "memory" or "mem" => resources with { Memory = setting.Value },
        "cpus_per_task" => resources with { CpusPerTask = PositiveInt(setting) },
        "gpus" => resources with { Gpus = setting.Value },
        "extra_args" or "sbatch_args" => resources with { ExtraArguments = setting.Value.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries) },
        _ => throw new ArgumentException(
            $"{setting.Origin}: unknown setting. Known: partition, account, time, memory, cpus_per_task, gpus, extra_args"
            + "; in [slurm] also max_batch_size, max_batch_time, log_folder, shared_workspace, poll_interval, max_poll_interval."),
    };

    private static string Normalize(string key) => key.Trim().ToLowerInvariant().Replace('-', '_');

    private static int PositiveInt(ExecutorSetting setting) =>
        int.TryParse(setting.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new ArgumentException($"{setting.Origin}: '{setting.Value}' is not a whole number of at least 1.");

    private static TimeSpan Seconds(ExecutorSetting setting) =>
        double.TryParse(setting.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : throw new ArgumentException($"{setting.Origin}: '{setting.Value}' is not a positive number of seconds.");

    private static bool Bool(ExecutorSetting setting) => setting.Value.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        _ => throw new ArgumentException($"{setting.Origin}: '{setting.Value}' is not true or false."),
    };
}
