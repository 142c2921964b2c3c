using System.Globalization;
using System.Text;
using System.Text.Json;
using GoKart.Experiments.Recording;

namespace GoKart.Experiments;

/// <summary>Reads the metric series an experiment logged with <see cref="Experiment.Log(long, IReadOnlyDictionary{string, double})"/>.</summary>
/// <example>
/// <code>
/// var loss = ExperimentMetrics.Read("experiments/3").Where(p =&gt; p.Values.ContainsKey("loss")).Select(p =&gt; (p.Step, p.Values["loss"]));
/// </code>
/// </example>
public static class ExperimentMetrics
{
    /// <summary>
    /// The points of <c>metrics.jsonl</c> in <paramref name="experimentDirectory"/>, in the order they were logged; empty
    /// when the experiment logged none. A last line cut short (the program is writing it, or was killed mid-write) is
    /// left out; any other bad line is an error naming the file and line.
    /// </summary>
    /// <param name="experimentDirectory">An experiment folder, e.g. <c>experiments/3</c>.</param>
    /// <exception cref="InvalidDataException">A line other than the last is not a metric point.</exception>
    public static IReadOnlyList<MetricPoint> Read(string experimentDirectory)
    {
        ArgumentNullException.ThrowIfNull(experimentDirectory);
        var path = Path.Combine(experimentDirectory, ExperimentFiles.Metrics);
        byte[] bytes;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            bytes = new byte[file.Length];
            file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }

        var points = new List<MetricPoint>();
        var rest = bytes.AsSpan();
        for (var line = 1; rest.Length > 0; line++)
        {
            var end = rest.IndexOf((byte)'\n');
            var text = end < 0 ? rest : rest[..end];
            var last = end < 0;
            rest = last ? [] : rest[(end + 1)..];
            if (text.Trim(" \r\t"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                points.Add(Parse(text));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                if (last)
                {
                    break;
                }

                throw new InvalidDataException($"{path}, line {line}: not a metric point ({e.Message}): {Shorten(Encoding.UTF8.GetString(text))}", e);
            }
        }

        return points;
    }

    private static MetricPoint Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var step = root.GetProperty("step").GetInt64();
        DateTimeOffset? time = root.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(t.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("values").EnumerateObject())
        {
            values[property.Name] = property.Value.GetDouble();
        }

        return new MetricPoint(step, time, values);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
