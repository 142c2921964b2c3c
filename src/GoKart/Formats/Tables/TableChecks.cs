namespace GoKart.Formats.Tables;

/// <summary>The header checks every table format shares (gokart's required_columns and strict columns).</summary>
internal static class TableChecks
{
    public static void CheckHeader<TRecord>(RecordShape<TRecord> shape, ISet<string> present, IReadOnlyList<string> extra, bool strict, string location)
    {
        var missing = shape.Columns.Where(c => c.Required && !present.Contains(c.Name)).Select(c => $"'{c.Name}' ({c.TypeName})").ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{location}: missing required column(s) {string.Join(", ", missing)} of {typeof(TRecord).Name}; the file has {string.Join(", ", present.Concat(extra).Distinct().Select(n => $"'{n}'"))}.");
        }

        if (strict && extra.Count > 0)
        {
            throw new InvalidDataException(
                $"{location}: column(s) {string.Join(", ", extra.Select(n => $"'{n}'"))} are not properties of {typeof(TRecord).Name} (StrictColumns is set).");
        }
    }
}
