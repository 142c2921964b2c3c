using System.Globalization;
using System.Text.Json;

namespace GoKart.Ui.Live;

/// <summary>
/// Replays a build journal (<c>.gokart/builds/&lt;id&gt;.jsonl</c>): a plan line, then start/done/failed events by plan
/// index, then an end line. A line still being written (the last, cut short) and lines that are not JSON are skipped.
/// </summary>
internal static class BuildJournal
{
    public static BuildState Parse(string id, string text)
    {
        var tasks = new List<BuildTask>();
        DateTimeOffset? started = null, ended = null, last = null;
        string? host = null;
        int? pid = null;
        var workers = 1;
        var root = 0;
        var status = "running";
        foreach (var line in text.Split('\n'))
        {
            if (!TryParse(line, out var document))
            {
                continue;
            }

            using (document)
            {
                var e = document.RootElement;
                var time = Time(e);
                last = time ?? last;
                switch (Text(e, "event"))
                {
                    case "plan" when tasks.Count == 0:
                        started = time;
                        host = Text(e, "host");
                        pid = Int(e, "pid");
                        workers = Int(e, "workers") ?? 1;
                        root = Int(e, "root") ?? 0;
                        tasks = Plan(e);
                        break;
                    case "start":
                        Update(tasks, e, t => t with { State = "running" });
                        break;
                    case "done":
                        Update(tasks, e, t => t with { State = "done", Seconds = e.TryGetProperty("seconds", out var s) && s.TryGetDouble(out var v) ? v : null });
                        break;
                    case "failed":
                        Update(tasks, e, t => t with { State = "failed", Error = Text(e, "error") });
                        break;
                    case "end":
                        ended = time;
                        status = Text(e, "status") ?? "failed";
                        break;
                    default:
                        break;
                }
            }
        }

        return new BuildState(id, started, host, pid, workers, root, tasks, status, ended, last);
    }

    private static bool TryParse(string line, out JsonDocument document)
    {
        document = null!;
        if (line.AsSpan().Trim().IsEmpty)
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            document.Dispose();
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<BuildTask> Plan(JsonElement plan)
    {
        if (!plan.TryGetProperty("tasks", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. list.EnumerateArray().Select(t => new BuildTask(
            Text(t, "task") ?? "?",
            Text(t, "type") ?? Text(t, "task") ?? "?",
            Text(t, "id") ?? string.Empty,
            t.TryGetProperty("requires", out var r) && r.ValueKind == JsonValueKind.Array
                ? [.. r.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out _)).Select(i => i.GetInt32())]
                : [],
            Text(t, "state") == "complete" ? "complete" : "pending",
            null,
            null))];
    }

    private static void Update(List<BuildTask> tasks, JsonElement e, Func<BuildTask, BuildTask> change)
    {
        if (Int(e, "n") is { } n && n >= 0 && n < tasks.Count)
        {
            tasks[n] = change(tasks[n]);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static DateTimeOffset? Time(JsonElement e) =>
        Text(e, "time") is { } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}
