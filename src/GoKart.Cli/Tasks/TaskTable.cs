using System.Globalization;
using GoKart.Cli.Experiments;
using GoKart.Viewer;

namespace GoKart.Cli.Tasks;

/// <summary>The rows and cells of the <c>gokart tasks</c> table.</summary>
internal static class TaskTable
{
    public static readonly string[] DefaultColumns = ["id", "task", "parameters", "end", "duration", "size"];

    public static readonly string[] AllColumns = ["id", "task", "parameters", "end", "duration", "size", "start", "namespace", "type", "seed", "outputs", "requires"];

    public static ListingTable Build(IReadOnlyList<TaskRun> runs, IReadOnlyList<string> columns, Func<string, string> shortId) =>
        new(columns, [.. runs.Select(r => (IReadOnlyDictionary<string, object?>)columns.ToDictionary(c => c, c => (object?)Cell(r, c, shortId)))]);

    public static string Cell(TaskRun run, string column, Func<string, string> shortId) => column switch
    {
        "id" => shortId(run.Id),
        "task" => run.TaskName,
        "parameters" => Parameters(run),
        "end" => Time(run.End),
        "start" => Time(run.Start),
        "duration" => run.ProcessingTime is { } d ? Duration(d) : string.Empty,
        "size" => run.Outputs.Count == 0 ? string.Empty : run.OutputsPresent ? Size(run.Size) : "missing",
        "namespace" => run.Namespace ?? string.Empty,
        "type" => run.TypeName ?? string.Empty,
        "seed" => run.RandomSeed?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        "outputs" => string.Join(", ", run.Outputs.Select(o => $"{o.Name}{(o.Exists ? string.Empty : " (missing)")}")),
        "requires" => run.Requires is null ? "?" : string.Join(", ", run.Requires.Select(q => $"{q.TaskName}[{shortId(q.Id)}]")),
        _ => string.Empty,
    };

    /// <summary>Parameters as <c>name=value</c>; a value that is a unique id (a task parameter) is cut to 8 characters.</summary>
    public static string Parameters(TaskRun run) =>
        string.Join(", ", run.Parameters.Select(p => $"{p.Key}={(p.Value.Length == 32 && p.Value.All(char.IsAsciiHexDigitLower) ? p.Value[..8] : p.Value)}"));

    public static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Duration(TimeSpan d) => d.TotalSeconds < 60
        ? d.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s"
        : d.TotalHours < 1 ? $"{(int)d.TotalMinutes}m{d.Seconds:00}s" : $"{(int)d.TotalHours}h{d.Minutes:00}m";

    public static string Size(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>Shortest prefixes (at least 8 characters) that tell every id in the workspace apart.</summary>
    public static Func<string, string> ShortIds(IEnumerable<TaskRun> runs)
    {
        var ids = runs.Select(r => r.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var lengths = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            var need = 8;
            if (i > 0)
            {
                need = Math.Max(need, Common(ids[i], ids[i - 1]) + 1);
            }

            if (i + 1 < ids.Length)
            {
                need = Math.Max(need, Common(ids[i], ids[i + 1]) + 1);
            }

            lengths[ids[i]] = Math.Min(need, ids[i].Length);
        }

        return id => lengths.TryGetValue(id, out var n) ? id[..n] : id;
    }

    private static int Common(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }
}
