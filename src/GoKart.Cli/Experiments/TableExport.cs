using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoKart.Cli.Experiments;

/// <summary>Writes a listing as CSV, JSON or Markdown, chosen by the file extension, and as plain text.</summary>
internal static class TableExport
{
    public static readonly string[] Extensions = [".csv", ".json", ".md"];

    public static string Render(ListingTable table, string extension) => extension.ToLowerInvariant() switch
    {
        ".csv" => Csv(table),
        ".json" => Json(table),
        ".md" => Markdown(table),
        _ => throw new ArgumentException($"Cannot export to '{extension}'; use one of {string.Join(", ", Extensions)}.", nameof(extension)),
    };

    /// <summary>Columns padded to their widest cell, two spaces apart: stable output for pipes and logs.</summary>
    public static string Plain(ListingTable table)
    {
        var widths = table.Columns.Select(c => Math.Max(c.Length, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => Cells.Format(r.GetValueOrDefault(c)).Length))).ToList();
        var builder = new StringBuilder();
        AppendLine(builder, table.Columns, widths);
        foreach (var row in table.Rows)
        {
            AppendLine(builder, table.Columns.Select(c => Cells.Format(row.GetValueOrDefault(c))).ToList(), widths);
        }

        return builder.ToString();
    }

    private static void AppendLine(StringBuilder builder, IReadOnlyList<string> cells, List<int> widths)
    {
        var line = string.Join("  ", cells.Select((cell, i) => cell.PadRight(widths[i])));
        builder.Append(line.TrimEnd()).Append('\n');
    }

    private static string Csv(ListingTable table)
    {
        var builder = new StringBuilder();
        builder.Append(string.Join(',', table.Columns.Select(CsvField))).Append('\n');
        foreach (var row in table.Rows)
        {
            builder.Append(string.Join(',', table.Columns.Select(c => CsvField(Cells.Format(row.GetValueOrDefault(c)))))).Append('\n');
        }

        return builder.ToString();
    }

    private static string CsvField(string text)
        => text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Json(ListingTable table)
    {
        var array = new JsonArray();
        foreach (var row in table.Rows)
        {
            var item = new JsonObject();
            foreach (var column in table.Columns)
            {
                item[column] = row.GetValueOrDefault(column) switch
                {
                    null => null,
                    double d => JsonValue.Create(d),
                    bool b => JsonValue.Create(b),
                    DateTimeOffset t => JsonValue.Create(t.ToString("o", CultureInfo.InvariantCulture)),
                    var other => JsonValue.Create(Cells.Format(other)),
                };
            }

            array.Add(item);
        }

        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string Markdown(ListingTable table)
    {
        static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var builder = new StringBuilder();
        builder.Append("| ").Append(string.Join(" | ", table.Columns.Select(Escape))).Append(" |\n");
        builder.Append('|').Append(string.Join('|', table.Columns.Select(_ => "---"))).Append("|\n");
        foreach (var row in table.Rows)
        {
            builder.Append("| ").Append(string.Join(" | ", table.Columns.Select(c => Escape(Cells.Format(row.GetValueOrDefault(c)))))).Append(" |\n");
        }

        return builder.ToString();
    }
}
