using System.Globalization;
using System.Text.Json;

namespace GoKart.Viewer;

/// <summary>
/// Turns the JSON run logs of one task run into a <see cref="TaskRun"/> (outputs not yet checked against the
/// workspace). Pure: bytes in, run and problems out. A damaged file costs its own fields, not the run.
/// </summary>
internal static class RunLogParser
{
    /// <summary>Fills in what one log file (of kind index <paramref name="kind"/>) records; a damaged file adds a problem naming it.</summary>
    public static void Parse(RunRecord run, int kind, ReadOnlyMemory<byte> bytes, Func<string, string> describe, string path, List<LogProblem> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"expected a JSON object, found {root.ValueKind}");
            }

            switch (LogFileName.All[kind])
            {
                case LogFileName.ProcessingTime:
                    run.ProcessingTime = root.TryGetProperty("processing_time", out var p) && p.TryGetDouble(out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
                    run.Start = Time(root, "start");
                    run.End = Time(root, "end");
                    break;
                case LogFileName.RandomSeed:
                    run.RandomSeed = root.TryGetProperty("random_seed", out var s) && s.TryGetInt64(out var seed) ? seed : null;
                    break;
                case LogFileName.TaskLog:
                    ReadTaskLog(run, root);
                    break;
                default:
                    run.Parameters = ReadParameters(root);
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            problems.Add(new LogProblem(describe(path), bytes.Length == 0 ? "empty file" : "unreadable: " + e.Message));
        }
    }

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : null;

    private static KeyValuePair<string, string>[] ReadParameters(JsonElement root)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var property in root.EnumerateObject())
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            parameters.Add(new(property.Name, text));
        }

        return [.. parameters];
    }

    private static void ReadTaskLog(RunRecord run, JsonElement root)
    {
        var outputs = new List<RecordedOutput>();
        root.TryGetProperty("output_paths", out var relative);
        if (root.TryGetProperty("outputs", out var recorded) && recorded.ValueKind == JsonValueKind.Object)
        {
            foreach (var output in recorded.EnumerateObject())
            {
                var path = relative.ValueKind == JsonValueKind.Object && relative.TryGetProperty(output.Name, out var r) ? r.GetString() : null;
                outputs.Add(new RecordedOutput(output.Name, output.Value.GetString() ?? string.Empty, path));
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

        // Assigned last: a damaged task log leaves the run's earlier fields as they were.
        run.TypeName = root.TryGetProperty("type", out var type) ? type.GetString() : null;
        run.Outputs = [.. outputs];
        run.Requires = requires is null ? null : [.. requires];
    }

    /// <summary>From the type name, else the main output's folder (once its workspace path is known).</summary>
    public static string? NamespaceOf(string? typeName, RunOutput[] outputs)
    {
        if (typeName is { } type)
        {
            var dot = type.LastIndexOf('.');
            return dot < 0 ? string.Empty : type[..dot];
        }

        string? main = null;
        foreach (var output in outputs)
        {
            if (output.Name == "output")
            {
                main = output.Path;
                break;
            }
        }

        if (main is null)
        {
            return null;
        }

        var slash = main.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : main[..slash];
        return folder == "__main__" ? string.Empty : folder.Replace('/', '.');
    }
}
