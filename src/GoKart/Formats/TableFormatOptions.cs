namespace GoKart.Formats;

/// <summary>
/// Options of the table formats (<c>.csv</c>, <c>.tsv</c>, <c>.ndjson</c>, <c>.json</c> tables, <c>.npz</c> tables),
/// set per target through <see cref="Target.FormatOptions"/>.
/// </summary>
/// <example>
/// <code>
/// protected override Target Output() =&gt;
///     MakeTarget("data/users.csv") with { FormatOptions = new TableFormatOptions { StrictColumns = true } };
/// </code>
/// </example>
public sealed record TableFormatOptions
{
    /// <summary>Whether a column in the file that the record type does not have is an error (default: ignored).</summary>
    public bool StrictColumns { get; init; }

    /// <summary>The CSV field separator; null for the extension's (',' for .csv, '\t' for .tsv). ASCII only.</summary>
    public char? Delimiter { get; init; }

    /// <summary>For <c>.npz</c>: deflate each array (numpy's <c>savez_compressed</c>) instead of storing it (<c>savez</c>).</summary>
    public bool Compressed { get; init; }

    internal static TableFormatOptions From(FormatContext context) =>
        context.Target.FormatOptions as TableFormatOptions ?? Default;

    private static readonly TableFormatOptions Default = new();
}
