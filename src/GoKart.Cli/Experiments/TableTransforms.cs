namespace GoKart.Cli.Experiments;

/// <summary>Pure operations on a listing: sort, group, tail.</summary>
internal static class TableTransforms
{
    public const string Count = "count";

    public static ListingTable Sort(ListingTable table, string column, bool descending)
    {
        var rows = descending
            ? table.Rows.OrderByDescending(r => r.GetValueOrDefault(column), Comparer<object?>.Create(Cells.Compare))
            : table.Rows.OrderBy(r => r.GetValueOrDefault(column), Comparer<object?>.Create(Cells.Compare));
        return table with { Rows = rows.ToList() };
    }

    public static ListingTable Tail(ListingTable table, int count)
        => table with { Rows = table.Rows.Skip(Math.Max(0, table.Rows.Count - count)).ToList() };

    /// <summary>
    /// One row per distinct value of <paramref name="column"/>: a <c>count</c> column, the mean of columns whose
    /// values are all numbers, and the number of non-empty values of the other columns.
    /// </summary>
    public static ListingTable Group(ListingTable table, string column)
    {
        // Ids are unique per experiment; the count column already says how many a group holds.
        var others = table.Columns.Where(c => c != column && c != ListingBuilder.Id).ToList();
        var numeric = others.Where(c => table.Rows.All(r => r.GetValueOrDefault(c) is null or double)
                                         && table.Rows.Any(r => r.GetValueOrDefault(c) is double)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var group in table.Rows.GroupBy(r => Cells.Format(r.GetValueOrDefault(column)), StringComparer.Ordinal))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [column] = group.First().GetValueOrDefault(column),
                [Count] = (double)group.Count(),
            };
            foreach (var other in others)
            {
                var values = group.Select(r => r.GetValueOrDefault(other)).Where(v => v is not null).ToList();
                row[other] = numeric.Contains(other)
                    ? values.Count == 0 ? null : values.Cast<double>().Average()
                    : (double)values.Count(v => Cells.Format(v).Length > 0);
            }

            rows.Add(row);
        }

        rows.Sort((a, b) => Cells.Compare(a[column], b[column]));
        return new ListingTable([column, Count, .. others], rows);
    }
}
