using System.Globalization;
using System.Text.Json;

namespace GoKart.Ui.Live;

/// <summary>
/// An experiment's metric curves from <c>metrics.jsonl</c> (lines <c>{"step":12,"time":"…","values":{"loss":0.31}}</c>):
/// per metric name, the (step, value) points in file order. Non-numeric values, damaged lines and a last line still
/// being written are skipped.
/// </summary>
internal static class MetricSeries
{
    public const string FileName = "metrics.jsonl";

    public static IReadOnlyDictionary<string, List<(double Step, double Value)>> Parse(string text)
    {
        var series = new SortedDictionary<string, List<(double, double)>>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.AsSpan().Trim().IsEmpty)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var e = document.RootElement;
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("step", out var s) || !s.TryGetDouble(out var step)
                    || !e.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var value in values.EnumerateObject())
                {
                    if (Number(value.Value) is { } number)
                    {
                        if (!series.TryGetValue(value.Name, out var points))
                        {
                            series[value.Name] = points = [];
                        }

                        points.Add((step, number));
                    }
                }
            }
            catch (JsonException)
            {
                // A damaged line or the one being appended right now: the rest of the curve still counts.
            }
        }

        return series;
    }

    /// <summary>Reads the file of an experiment folder; empty when it has none.</summary>
    public static async Task<IReadOnlyDictionary<string, List<(double Step, double Value)>>> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return new Dictionary<string, List<(double, double)>>();
        }

        // The writer may be appending: share the file rather than demand it.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            return Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var d) && double.IsFinite(d) => d,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        _ => null,
    };
}
