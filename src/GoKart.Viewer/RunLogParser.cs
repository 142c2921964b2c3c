using System.Globalization;
using System.Text.Json;

namespace GoKart.Viewer;

/// <summary>
/// Turns the JSON run logs of one task run into a <see cref="TaskRun"/> (outputs not yet checked against the
/// workspace). Pure: bytes in, run and problems out. A damaged file costs its own fields, not the run.
/// </summary>
internal static class RunLogParser
{
    public static TaskRun Parse(string taskName, string id, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, Func<string, string> describe, List<LogProblem> problems)
    {
        var run = new TaskRun { Id = id, TaskName = taskName };
        foreach (var kind in LogFileName.Parsed)
        {
            if (!files.TryGetValue(kind, out var bytes))
            {
                continue;
            }

            var path = LogFileName.PathOf(kind, taskName, id);
            try
            {
                using var document = JsonDocument.Parse(bytes);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"expected a JSON object, found {root.ValueKind}");
                }

                run = kind switch
                {
                    LogFileName.ProcessingTime => ReadTimes(run, root),
                    LogFileName.RandomSeed => run with { RandomSeed = root.TryGetProperty("random_seed", out var s) && s.TryGetInt64(out var seed) ? seed : null },
                    LogFileName.TaskLog => ReadTaskLog(run, root),
                    _ => run with { Parameters = ReadParameters(root) },
                };
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                problems.Add(new LogProblem(describe(path), bytes.Length == 0 ? "empty file" : "unreadable: " + e.Message));
            }
        }

        return run;
    }

    private static TaskRun ReadTimes(TaskRun run, JsonElement root) => run with
    {
        ProcessingTime = root.TryGetProperty("processing_time", out var p) && p.TryGetDouble(out var seconds) ? TimeSpan.FromSeconds(seconds) : null,
        Start = Time(root, "start"),
        End = Time(root, "end"),
    };

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : null;

    private static List<KeyValuePair<string, string>> ReadParameters(JsonElement root)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var property in root.EnumerateObject())
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            parameters.Add(new(property.Name, text));
        }

        return parameters;
    }

    private static TaskRun ReadTaskLog(TaskRun run, JsonElement root)
    {
        var outputs = new List<RunOutput>();
        root.TryGetProperty("output_paths", out var relative);
        if (root.TryGetProperty("outputs", out var recorded) && recorded.ValueKind == JsonValueKind.Object)
        {
            foreach (var output in recorded.EnumerateObject())
            {
                var path = relative.ValueKind == JsonValueKind.Object && relative.TryGetProperty(output.Name, out var r) ? r.GetString() : null;
                outputs.Add(new RunOutput(output.Name, output.Value.GetString() ?? string.Empty, path, null));
            }
        }

        List<RunRequirement>? requires = null;
        if (root.TryGetProperty("requires", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            requires = [];
            foreach (var item in list.EnumerateArray())
            {
                requires.Add(new RunRequirement(
                    item.GetProperty("task").GetString()!,
                    item.GetProperty("unique_id").GetString()!,
                    item.TryGetProperty("name", out var n) ? n.GetString() : null,
                    item.TryGetProperty("type", out var t) ? t.GetString() : null));
            }
        }

        return run with
        {
            TypeName = root.TryGetProperty("type", out var type) ? type.GetString() : null,
            Outputs = outputs,
            Requires = requires,
        };
    }

    /// <summary>From the type name, else the main output's folder (once its workspace path is known).</summary>
    public static string? NamespaceOf(TaskRun run)
    {
        if (run.TypeName is { } type)
        {
            var dot = type.LastIndexOf('.');
            return dot < 0 ? string.Empty : type[..dot];
        }

        var main = run.Outputs.FirstOrDefault(o => o.Name == "output")?.Path;
        if (main is null)
        {
            return null;
        }

        var slash = main.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : main[..slash];
        return folder == "__main__" ? string.Empty : folder.Replace('/', '.');
    }
}
