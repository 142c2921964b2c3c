using GoKart.Experiments;

namespace GoKart.Cli.Experiments;

/// <summary>Turns experiment records into rows with every column, then picks the columns to show.</summary>
internal static class ListingBuilder
{
    public const string Id = "id";
    public const string Sha = "sha";
    public const string StartTime = "start_time";
    public const string Status = "status";
    public const string StatusMessage = "status_message";
    public const string Description = "description";
    public const string ArgsPrefix = "args.";
    public const string SummaryPrefix = "summary.";

    private const int ShortSha = 10;

    /// <summary>One row per record holding every fixed, argument and summary column (the filter sees them all).</summary>
    public static List<Dictionary<string, object?>> Rows(IEnumerable<ExperimentRecord> records)
        => records.Select(Row).ToList();

    /// <summary>The columns to show: fixed ones, then the args chosen by <paramref name="mode"/>, then all summary keys.</summary>
    public static List<string> Columns(IReadOnlyList<ExperimentRecord> records, IReadOnlyList<Dictionary<string, object?>> rows, ArgsMode mode)
    {
        var columns = new List<string> { Id, Sha, StartTime, Status, StatusMessage };
        if (rows.Any(r => r[Description] is string { Length: > 0 }))
        {
            columns.Add(Description);
        }

        var argNames = records.SelectMany(r => r.Args.Select(a => a.Key)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in argNames)
        {
            var key = ArgsPrefix + name;
            var show = mode switch
            {
                ArgsMode.All => true,
                ArgsMode.Varying => rows.Select(r => r.GetValueOrDefault(key)).Distinct(CellComparer.Instance).Skip(1).Any(),
                _ => records.Any(r => !Cells.AreEqual(Cells.FromJson(r.Args[name]), r.DefaultArgs.TryGetPropertyValue(name, out var d) ? Cells.FromJson(d) : null)),
            };
            if (show)
            {
                columns.Add(key);
            }
        }

        columns.AddRange(records.SelectMany(r => r.Summary.Select(s => SummaryPrefix + s.Key)).Distinct(StringComparer.Ordinal));
        return columns;
    }

    /// <summary>Keeps <see cref="Id"/> and the columns starting with any of <paramref name="prefixes"/>.</summary>
    public static List<string> Select(IEnumerable<string> columns, IReadOnlyCollection<string> prefixes)
        => prefixes.Count == 0
            ? columns.ToList()
            : columns.Where(c => c == Id || prefixes.Any(p => c.StartsWith(p, StringComparison.Ordinal))).ToList();

    private static Dictionary<string, object?> Row(ExperimentRecord record)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [Id] = record.Id,
            [Sha] = record.Sha is { Length: > ShortSha } sha ? sha[..ShortSha] : record.Sha,
            [StartTime] = record.StartTime,
            [Status] = record.Status,
            [StatusMessage] = record.StatusMessage,
            [Description] = record.Description,
        };
        foreach (var (name, value) in record.Args)
        {
            row[ArgsPrefix + name] = Cells.FromJson(value);
        }

        foreach (var (name, value) in record.Summary)
        {
            row[SummaryPrefix + name] = Cells.FromJson(value);
        }

        return row;
    }

    private sealed class CellComparer : IEqualityComparer<object?>
    {
        public static readonly CellComparer Instance = new();

        public new bool Equals(object? x, object? y) => Cells.AreEqual(x, y);

        public int GetHashCode(object? obj) => Cells.TryNumber(obj, out var n) ? n.GetHashCode() : Cells.Format(obj).GetHashCode(StringComparison.Ordinal);
    }
}
