using System.Globalization;
using System.Text;

namespace GoKart.CommandLine;

/// <summary>luigi's execution summary of a build, and a last line that tells the outcome at a glance.</summary>
internal static class ExecutionSummary
{
    private const string Rule = "===== GoKart Execution Summary =====";

    public static int ExitCode(BuildReport report)
    {
        if (report.Failures.Any(f => f.Exception is not MissingExternalDataException))
        {
            return ExitCodes.TaskFailed;
        }

        if (report.Failures.Count > 0)
        {
            return ExitCodes.MissingExternalData;
        }

        return report.Tasks.Any(t => t.Status == TaskRunStatus.Cancelled) ? ExitCodes.Cancelled : ExitCodes.Success;
    }

    public static string Format(BuildReport report, IReadOnlyDictionary<string, string> descriptions) =>
        Format(report, descriptions, new Dictionary<string, TaskOnKart>(StringComparer.Ordinal));

    /// <summary>The summary; with the task instances by id, several tasks of a class collapse as luigi's do.</summary>
    public static string Format(BuildReport report, IReadOnlyDictionary<string, string> descriptions, IReadOnlyDictionary<string, TaskOnKart> tasks)
    {
        var missing = report.Failures.Where(f => f.Exception is MissingExternalDataException).Select(f => f.UniqueId).ToHashSet(StringComparer.Ordinal);
        var byStatus = report.Tasks.ToLookup(t => t.Status == TaskRunStatus.Failed && missing.Contains(t.UniqueId) ? "missing" : t.Status.ToString());
        var failedCount = byStatus[nameof(TaskRunStatus.Failed)].Count();
        var sb = new StringBuilder().Append(Rule).Append("\n\n");
        if (report.Tasks.Count == 0)
        {
            sb.Append("Did not schedule any tasks\n");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"Scheduled {report.Tasks.Count} tasks of which:\n");
            Category(sb, tasks, "", "complete ones were encountered", byStatus[nameof(TaskRunStatus.AlreadyComplete)], descriptions);
            Category(sb, tasks, "", "ran successfully", byStatus[nameof(TaskRunStatus.Succeeded)], descriptions);
            Category(sb, tasks, "", "were completed by another process", byStatus[nameof(TaskRunStatus.CompletedElsewhere)], descriptions);
            Category(sb, tasks, "", "failed", byStatus[nameof(TaskRunStatus.Failed)], descriptions);
            var pending = byStatus["missing"].Count() + byStatus[nameof(TaskRunStatus.UpstreamFailed)].Count() + byStatus[nameof(TaskRunStatus.Cancelled)].Count();
            if (pending > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"* {pending} were left pending, among these:\n");
                Category(sb, tasks, "    ", "were missing external dependencies", byStatus["missing"], descriptions);
                var upstream = failedCount == 0 ? "had missing dependencies" : missing.Count == 0 ? "had failed dependencies" : "had failed or missing dependencies";
                Category(sb, tasks, "    ", upstream, byStatus[nameof(TaskRunStatus.UpstreamFailed)], descriptions);
                Category(sb, tasks, "    ", "were cancelled", byStatus[nameof(TaskRunStatus.Cancelled)], descriptions);
            }

            if (report.Tasks.All(t => t.Status is TaskRunStatus.AlreadyComplete))
            {
                sb.Append("\nDid not run any tasks\n");
            }

            var (smiley, reason) = ExitCode(report) switch
            {
                ExitCodes.TaskFailed => (":(", "there were failed tasks"),
                ExitCodes.MissingExternalData => (":|", "there were missing external dependencies"),
                ExitCodes.Cancelled => (":(", "the run was cancelled"),
                _ => (":)", "there were no failed tasks or missing external dependencies"),
            };
            sb.Append(CultureInfo.InvariantCulture, $"\nThis progress looks {smiley} because {reason}\n");
        }

        return sb.Append('\n').Append(Rule).Append('\n').ToString();
    }

    /// <summary>The last line of a run, readable at a glance.</summary>
    public static string FinalLine(BuildReport report, string rootLabel)
    {
        var ran = report.Tasks.Count(t => t.Status is TaskRunStatus.Succeeded);
        var complete = report.Tasks.Count(t => t.Status is TaskRunStatus.AlreadyComplete or TaskRunStatus.CompletedElsewhere);
        var elapsed = FormatDuration(report.Elapsed);
        var code = ExitCode(report);
        return code switch
        {
            ExitCodes.Success => $"SUCCESS :) {rootLabel} is complete: {ran} ran, {complete} already complete, in {elapsed}. Exit code 0.",
            ExitCodes.MissingExternalData => $"MISSING DATA :| {string.Join("; ", report.Failures.Select(f => f.Exception.Message))} Exit code {code}.",
            ExitCodes.Cancelled => $"CANCELLED :( after {elapsed}; unfinished outputs were discarded. Exit code {code}.",
            _ => $"FAILED :( {report.Failures.Count(f => f.Exception is not MissingExternalDataException)} task(s) failed: "
                + string.Join("; ", report.Failures.Where(f => f.Exception is not MissingExternalDataException).Take(3).Select(f => f.ToString()))
                + $". Exit code {code}.",
        };
    }

    public static string FormatDuration(TimeSpan span) => span.TotalSeconds < 60
        ? span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s"
        : span.TotalHours < 1
            ? span.ToString(@"m\:ss", CultureInfo.InvariantCulture)
            : ((int)span.TotalHours).ToString(CultureInfo.InvariantCulture) + span.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>luigi says nothing of retries in its summary; a user wants to know a success was not first time.</summary>
    private static string RetryNote(List<TaskOutcome> family)
    {
        var retried = family.Where(t => t.Attempts > 1).ToList();
        if (retried.Count == 0)
        {
            return string.Empty;
        }

        var retries = retried.Sum(t => t.Attempts - 1);
        var plural = retries == 1 ? "retry" : "retries";
        return retried[0].Status switch
        {
            TaskRunStatus.Succeeded when family.Count == 1 => $" (succeeded after {retries} {plural})",
            TaskRunStatus.Succeeded => $" ({retried.Count} succeeded after {retries} {plural} in all)",
            _ when family.Count == 1 => $" (failed after {retries} {plural})",
            _ => $" ({retried.Count} failed after {retries} {plural} in all)",
        };
    }

    private static void Category(StringBuilder sb, IReadOnlyDictionary<string, TaskOnKart> instances, string indent, string what, IEnumerable<TaskOutcome> tasks, IReadOnlyDictionary<string, string> descriptions)
    {
        var list = tasks.ToList();
        if (list.Count == 0)
        {
            return;
        }

        sb.Append(CultureInfo.InvariantCulture, $"{indent}* {list.Count} {what}:\n");
        foreach (var family in list.GroupBy(t => t.TaskName))
        {
            var first = family.First();
            var text = family.Count() == 1
                ? descriptions.GetValueOrDefault(first.UniqueId, first.TaskName) + $" [{first.UniqueId}]"
                : family.All(t => instances.ContainsKey(t.UniqueId))
                    ? FamilyLine.Describe(family.Key, [.. family.Select(t => instances[t.UniqueId])])
                    : family.Key + "(...)";
            sb.Append(CultureInfo.InvariantCulture, $"{indent}    - {family.Count()} {text}{RetryNote(family.ToList())}\n");
        }
    }
}
