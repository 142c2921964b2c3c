namespace GoKart.Cli.Experiments;

/// <summary>A listing: ordered column names and one row (column to value) per experiment or group.</summary>
internal sealed record ListingTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows)
{
    public object? Cell(int row, string column) => Rows[row].TryGetValue(column, out var value) ? value : null;
}
