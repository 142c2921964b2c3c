using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoKart.Slurm;

/// <summary>
/// The job side: inside a Slurm job the same program plans the same graph, then runs exactly the tasks of its
/// batch file in this process, in order, and exits 1 when one failed (0 otherwise). A task whose requirement
/// failed in the same job is skipped; independent ones still run. Each ran task's task_log names the job.
/// </summary>
internal static class JobRunner
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static async Task<int> RunAsync(ExecutionPlan plan, string batchPath, SlurmOptions options, CancellationToken cancellationToken)
    {
        var batch = await BatchFile.TryReadAsync(batchPath, cancellationToken).ConfigureAwait(false)
            ?? throw new SlurmException($"The batch file '{batchPath}' named by {BatchFile.Variable} cannot be read.");
        var byId = plan.Tasks.ToDictionary(t => t.UniqueId, StringComparer.Ordinal);
        var mine = new HashSet<string>(batch.Tasks, StringComparer.Ordinal);
        var ran = new List<ScheduledTask>();
        var failed = false;
        foreach (var id in batch.Tasks)
        {
            if (!byId.TryGetValue(id, out var task) || task.Status is not null)
            {
                continue; // complete already (another job or driver finished it), or its requirement failed here
            }

            var missing = task.Dependencies.FirstOrDefault(d => !mine.Contains(d.UniqueId) && d.Status is null);
            if (missing is not null)
            {
                plan.ReportFailed(task, new SlurmException($"Task '{task.Label}' ran in a Slurm job before its requirement '{missing.Label}' was complete."));
                failed = true;
                continue;
            }

            failed |= !await plan.RunHereAsync(task, cancellationToken).ConfigureAwait(false);
            ran.Add(task);
        }

        await plan.FlushLogsAsync().ConfigureAwait(false);
        var jobId = options.GetEnvironmentVariable("SLURM_JOB_ID") ?? string.Empty;
        foreach (var task in ran.Where(t => t.Status == TaskRunStatus.Succeeded))
        {
            await AddJobToTaskLogAsync(plan, task, jobId, batch, cancellationToken).ConfigureAwait(false);
        }

        return failed ? 1 : 0;
    }

    /// <summary>Adds <c>"slurm": {job_id, stdout, stderr}</c> to the task_log the run just wrote.</summary>
    private static async Task AddJobToTaskLogAsync(ExecutionPlan plan, ScheduledTask task, string jobId, BatchFile batch, CancellationToken cancellationToken)
    {
        var path = $"log/task_log/{task.Name}_{task.UniqueId}.json";
        JsonNode? log;
        var stream = await plan.Store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            log = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (log is not JsonObject root)
        {
            return;
        }

        root["slurm"] = new JsonObject
        {
            ["job_id"] = jobId,
            ["stdout"] = batch.Stdout.Replace("%j", jobId, StringComparison.Ordinal),
            ["stderr"] = batch.Stderr.Replace("%j", jobId, StringComparison.Ordinal),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(root, Compact);
        await plan.Store.WriteSmallAsync(path, bytes, cancellationToken).ConfigureAwait(false);
    }
}
