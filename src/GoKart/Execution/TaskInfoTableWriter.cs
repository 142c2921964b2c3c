using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GoKart.Execution;

/// <summary>
/// Task-info rows as CSV, JSON or Markdown. Columns follow gokart's table (name, unique_id, output_paths,
/// params, processing_time, is_complete, task_log, requires) plus output_sizes.
/// </summary>
internal static class TaskInfoTableWriter
{
    private static readonly string[] Header =
        ["name", "unique_id", "output_paths", "output_sizes", "params", "processing_time", "is_complete", "task_log", "requires"];

    public static string Format(IReadOnlyList<TaskInfo> rows, TaskInfoFormat format) => format switch
    {
        TaskInfoFormat.Csv => Csv(rows),
        TaskInfoFormat.Json => Json(rows),
        TaskInfoFormat.Markdown => Markdown(rows),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a table format"),
    };

    private static string Csv(IReadOnlyList<TaskInfo> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Header).Append('\n');
        foreach (var row in rows)
        {
            string[] cells =
            [
                row.Name, row.UniqueId,
                JsonArray(row.Outputs.Select(o => o.Path)),
                "[" + string.Join(", ", row.Outputs.Select(o => o.Size?.ToString(CultureInfo.InvariantCulture) ?? "null")) + "]",
                JsonObject(row.Parameters),
                row.ProcessingTimeSeconds?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty,
                Status(row), JsonArray(row.TaskLog), JsonArray(row.Requires),
            ];
            sb.AppendJoin(',', cells.Select(CsvCell)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(IReadOnlyList<TaskInfo> rows)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var row in rows)
            {
                w.WriteStartObject();
                w.WriteString("name", row.Name);
                w.WriteString("unique_id", row.UniqueId);
                w.WriteStartArray("output_paths");
                row.Outputs.ToList().ForEach(o => w.WriteStringValue(o.Path));
                w.WriteEndArray();
                w.WriteStartArray("output_sizes");
                row.Outputs.ToList().ForEach(o => WriteNullable(w, o.Size));
                w.WriteEndArray();
                w.WriteStartObject("params");
                row.Parameters.ToList().ForEach(p => w.WriteString(p.Key, p.Value));
                w.WriteEndObject();
                w.WritePropertyName("processing_time");
                if (row.ProcessingTimeSeconds is { } s)
                {
                    w.WriteNumberValue(s);
                }
                else
                {
                    w.WriteNullValue();
                }

                w.WriteString("is_complete", Status(row));
                w.WriteStartArray("task_log");
                row.TaskLog.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteStartArray("requires");
                row.Requires.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Markdown(IReadOnlyList<TaskInfo> rows)
    {
        var names = rows.ToDictionary(r => r.UniqueId, r => $"{r.Name}[{r.UniqueId}]", StringComparer.Ordinal);
        var sb = new StringBuilder("| name | unique_id | is_complete | processing_time | params | outputs | requires |\n");
        sb.Append("|---|---|---|---|---|---|---|\n");
        foreach (var row in rows)
        {
            string[] cells =
            [
                row.Name, row.UniqueId, Status(row),
                row.ProcessingTimeSeconds is { } s ? s.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "unknown",
                string.Join(", ", row.Parameters.Select(p => $"{p.Key}={p.Value}")),
                string.Join(", ", row.Outputs.Select(o => o.Size is { } b ? $"{o.Path} ({b.ToString(CultureInfo.InvariantCulture)} B)" : $"{o.Path} (missing)")),
                string.Join(", ", row.Requires.Select(id => names.GetValueOrDefault(id, id))),
            ];
            sb.Append("| ").AppendJoin(" | ", cells.Select(MarkdownCell)).Append(" |\n");
        }

        return sb.ToString();
    }

    private static string Status(TaskInfo row) => row.IsComplete ? "COMPLETE" : "PENDING";

    private static void WriteNullable(Utf8JsonWriter w, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static string JsonArray(IEnumerable<string> items) => JsonText(w =>
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    });

    private static string JsonObject(IEnumerable<KeyValuePair<string, string>> entries) => JsonText(w =>
    {
        w.WriteStartObject();
        foreach (var (key, value) in entries)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    });

    private static string JsonText(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string CsvCell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string MarkdownCell(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
}
