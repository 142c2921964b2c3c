using System.Text.Json;

namespace GoKart.Slurm;

/// <summary>Watching, failing, cancelling and adopting jobs.</summary>
internal sealed partial class SlurmDriver
{
    private static readonly string[] Waiting = ["PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESIZING", "SIGNALING", "STAGE_OUT"];

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var delay = options.PollInterval;
        while (_batches.Any(b => !b.Finished))
        {
            await Task.Delay(delay, plan.Time, cancellationToken).ConfigureAwait(false);
            var states = await QueryAsync(cancellationToken).ConfigureAwait(false);
            var changed = false;
            foreach (var batch in _batches.Where(b => !b.Finished).ToList())
            {
                if (!states.TryGetValue(batch.JobId!, out var state))
                {
                    // Gone from the controller's memory (MinJobAge) before we saw its end: the workspace tells.
                    await SettleAsync(batch, "left the queue", cancellationToken).ConfigureAwait(false);
                    changed = true;
                    continue;
                }

                if (state == batch.LastState)
                {
                    continue;
                }

                changed = true;
                batch.LastState = state;
                if (state == "RUNNING")
                {
                    foreach (var task in batch.Tasks.Where(t => t.Status is null))
                    {
                        plan.ReportStarted(task);
                    }
                }

                if (state == "COMPLETED")
                {
                    await SettleAsync(batch, "COMPLETED", cancellationToken).ConfigureAwait(false);
                }
                else if (!Waiting.Contains(state, StringComparer.Ordinal))
                {
                    await SettleAsync(batch, state, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await Line($"job {batch.JobId} {state}: {batch.Describe()}").ConfigureAwait(false);
                }
            }

            if (changed)
            {
                await Line(Summary()).ConfigureAwait(false);
                delay = options.PollInterval;
            }
            else
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollInterval.Ticks));
            }
        }
    }

    /// <summary>The job ended: a task whose output exists succeeded; the first one missing failed with the job's details.</summary>
    private async Task SettleAsync(SlurmBatch batch, string state, CancellationToken cancellationToken)
    {
        batch.Finished = true;
        if (batch.CancelledByUs)
        {
            return;
        }

        SlurmJobFailedException? failure = null;
        foreach (var task in batch.Tasks)
        {
            if (task.Status is not null)
            {
                continue;
            }

            if (await plan.Store.ExistsAsync(task.OutputPath, cancellationToken).ConfigureAwait(false))
            {
                plan.ReportSucceeded(task, null);
                continue;
            }

            failure ??= await DescribeFailureAsync(batch, state, cancellationToken).ConfigureAwait(false);
            plan.ReportFailed(task, failure);
        }

        await Line(failure is null ? $"job {batch.JobId} done: {batch.Describe()}" : $"job {batch.JobId} FAILED: {failure.Message}").ConfigureAwait(false);
        if (failure is not null)
        {
            await CancelDependentsAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SlurmJobFailedException> DescribeFailureAsync(SlurmBatch batch, string state, CancellationToken cancellationToken)
    {
        var jobId = batch.JobId!;
        try
        {
            var details = await commands.RunAsync("scontrol", ["show", "job", "-o", jobId], cancellationToken).ConfigureAwait(false);
            var exit = details.Split(' ').FirstOrDefault(p => p.StartsWith("ExitCode=", StringComparison.Ordinal));
            state = exit is null ? state : $"{state} ({exit})";
        }
        catch (SlurmException)
        {
            // The controller may have forgotten the job; the state from squeue is enough.
        }

        var stdout = batch.StdoutPath.Replace("%j", jobId, StringComparison.Ordinal);
        var stderr = batch.StderrPath.Replace("%j", jobId, StringComparison.Ordinal);
        return new SlurmJobFailedException(jobId, state, stdout, stderr, await TailAsync(stderr, 20, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<string> TailAsync(string path, int lines, CancellationToken cancellationToken)
    {
        try
        {
            var all = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
            return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>
    /// afterok leaves the jobs after a failed one pending for ever: cancel them, then submit again the tasks in
    /// them that do not need the failure (same-level neighbours of a batch).
    /// </summary>
    private async Task CancelDependentsAsync(SlurmBatch failed, CancellationToken cancellationToken)
    {
        var doomed = new HashSet<SlurmBatch>(ReferenceEqualityComparer.Instance) { failed };
        foreach (var batch in _batches)
        {
            if (!batch.Finished && !batch.Adopted && batch.Tasks.SelectMany(t => t.Dependencies).Any(d => doomed.Contains(_batchOf[d])))
            {
                doomed.Add(batch);
            }
        }

        doomed.Remove(failed);
        if (doomed.Count == 0)
        {
            return;
        }

        var ids = doomed.Select(b => b.JobId!).ToList();
        await commands.RunAsync("scancel", ids, cancellationToken).ConfigureAwait(false);
        foreach (var batch in doomed)
        {
            batch.CancelledByUs = true;
            batch.Finished = true;
        }

        await Line($"cancelled job(s) {string.Join(", ", ids)}: they needed job {failed.JobId}").ConfigureAwait(false);
        var again = doomed.SelectMany(b => b.Tasks).Where(t => t.Status is null).OrderBy(t => t.Index).ToList();
        if (again.Count > 0)
        {
            await SubmitAsync(again, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CancelAllAsync()
    {
        var ids = _batches.Where(b => !b.Finished && !b.Adopted && b.Submitted).Select(b => b.JobId!).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        await commands.RunAsync("scancel", ids, CancellationToken.None).ConfigureAwait(false);
        await Line($"cancelled {ids.Count} job(s): {string.Join(", ", ids)}").ConfigureAwait(false);
    }

    /// <summary>Job id to state of this user's jobs the controller still knows.</summary>
    private async Task<Dictionary<string, string>> QueryAsync(CancellationToken cancellationToken)
    {
        var text = await commands.RunAsync("squeue", ["-h", "--me", "-t", "all", "-o", "%i|%T"], cancellationToken).ConfigureAwait(false);
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0)
            {
                states[line[..bar]] = line[(bar + 1)..];
            }
        }

        return states;
    }

    /// <summary>A second driver: tasks already in a queued or running gokart job (its comment names its batch file) are not submitted again.</summary>
    private async Task AdoptQueuedAsync(CancellationToken cancellationToken)
    {
        var text = await commands.RunAsync("squeue", ["-h", "--me", "-o", "%i|%T|%k"], cancellationToken).ConfigureAwait(false);
        var byId = plan.Tasks.ToDictionary(t => t.UniqueId, StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', 3);
            if (parts.Length < 3 || !parts[2].StartsWith("gokart:", StringComparison.Ordinal) || !Waiting.Contains(parts[1], StringComparer.Ordinal))
            {
                continue;
            }

            var file = await BatchFile.TryReadAsync(parts[2]["gokart:".Length..], cancellationToken).ConfigureAwait(false);
            var tasks = file?.Tasks.Select(byId.GetValueOrDefault).OfType<ScheduledTask>().Where(t => !_batchOf.ContainsKey(t)).ToList();
            if (file is null || tasks is not { Count: > 0 })
            {
                continue;
            }

            var batch = new SlurmBatch(tasks, new SlurmResources()) { JobId = parts[0], Adopted = true, LastState = parts[1], StdoutPath = file.Stdout, StderrPath = file.Stderr };
            foreach (var task in tasks)
            {
                _batchOf[task] = batch;
            }

            _batches.Add(batch);
            await Line($"job {batch.JobId} ({parts[1]}) already runs {batch.Describe()}: not submitted again").ConfigureAwait(false);
        }
    }

    /// <summary>Mean processing_time of earlier runs per task class (at most 20 logs each), for <see cref="SlurmOptions.MaxBatchTime"/>.</summary>
    private async Task LoadEstimatesAsync(CancellationToken cancellationToken)
    {
        foreach (var name in plan.Tasks.Select(t => t.Name).Distinct(StringComparer.Ordinal))
        {
            var seconds = new List<double>();
            await foreach (var entry in plan.Store.ListAsync($"log/processing_time/{name}_", cancellationToken).ConfigureAwait(false))
            {
                var stream = await plan.Store.OpenReadAsync(entry.Path, cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                    if (json.RootElement.TryGetProperty("processing_time", out var value) && value.TryGetDouble(out var s))
                    {
                        seconds.Add(s);
                    }
                }

                if (seconds.Count >= 20)
                {
                    break;
                }
            }

            _estimates[name] = seconds.Count == 0 ? null : TimeSpan.FromSeconds(seconds.Average());
        }
    }

    private string Summary()
    {
        var live = _batches.Where(b => !b.Finished).ToList();
        var pending = live.Count(b => b.LastState != "RUNNING");
        var running = live.Count(b => b.LastState == "RUNNING");
        var done = plan.Tasks.Count(t => t.Status is TaskRunStatus.Succeeded);
        var failed = plan.Tasks.Count(t => t.Status is TaskRunStatus.Failed or TaskRunStatus.UpstreamFailed);
        return $"jobs: {Invariant(pending)} pending, {Invariant(running)} running; tasks: {Invariant(done)}/{Invariant(plan.Tasks.Count)} done, {Invariant(failed)} failed";
    }
}
