using System.Globalization;
using System.Text;

namespace GoKart.Viewer;

/// <summary>The head of a CSV/TSV table with a type inferred per column from the rows shown (int64, float64, bool, str).</summary>
internal static class TablePreview
{
    public static string Render(IReadOnlyList<string> lines, char delimiter)
    {
        if (lines.Count == 0)
        {
            return "(empty table)\n";
        }

        var header = Split(lines[0], delimiter);
        var rows = lines.Skip(1).Select(l => Split(l, delimiter)).ToList();

        var types = header.Select((_, i) => TypeOf(rows.Select(r => i < r.Count ? r[i] : string.Empty))).ToList();
        var titles = header.Select((h, i) => $"{h} ({types[i]})").ToList();
        var widths = titles.Select((t, i) => Math.Max(t.Length, rows.Count == 0 ? 0 : rows.Max(r => i < r.Count ? r[i].Length : 0))).ToList();
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{header.Count} columns; first {rows.Count} rows\n");
        Line(builder, titles, widths);
        foreach (var row in rows)
        {
            Line(builder, [.. header.Select((_, i) => i < row.Count ? row[i] : string.Empty)], widths);
        }

        return builder.ToString();
    }

    private static void Line(StringBuilder builder, List<string> cells, List<int> widths) =>
        builder.Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');

    private static string TypeOf(IEnumerable<string> values)
    {
        var list = values.Where(v => v.Length > 0).ToList();
        if (list.Count == 0)
        {
            return "str";
        }

        if (list.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            return "int64";
        }

        if (list.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return "float64";
        }

        return list.All(v => bool.TryParse(v, out _)) ? "bool" : "str";
    }

    /// <summary>Splits one line, honouring double quotes (a quoted field spanning lines is shown cut at the line end).</summary>
    private static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
