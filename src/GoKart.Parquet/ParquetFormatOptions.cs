using GoKart.Formats;

namespace GoKart.Parquet;

/// <summary>Options of <see cref="ParquetFormat"/>, set per target through <see cref="Target.FormatOptions"/>.</summary>
/// <example>
/// <code>
/// protected override Target Output() =&gt;
///     MakeTarget("data/sales.parquet") with { FormatOptions = new ParquetFormatOptions { Compression = ParquetCompression.Zstd } };
/// </code>
/// </example>
public sealed record ParquetFormatOptions
{
    /// <summary>Page compression of dumps (default snappy, as pandas). Loads read whatever the file uses.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>
    /// Rows per row group when dumping; a load reads one row group at a time. Default: 1,000,000 (pyarrow's 1Mi rounded)
    /// for a list, 8,192 when the number of rows is not known in advance (a row stream or a lazy enumerable), which
    /// keeps a streamed dump and its later streamed loads well under 200 MiB.
    /// </summary>
    public int? RowGroupSize { get; init; }

    /// <summary>Whether a column in the file that the record type does not have is an error (default: ignored).</summary>
    public bool StrictColumns { get; init; }

    internal int RowsPerGroup(int? count) =>
        RowGroupSize ?? (count is { } known ? Math.Min(1_000_000, Math.Max(known, 1)) : 8_192);

    internal static ParquetFormatOptions From(FormatContext context) =>
        context.Target.FormatOptions as ParquetFormatOptions ?? Default;

    internal void Validate(string location)
    {
        if (RowGroupSize is <= 0)
        {
            throw new ArgumentException($"{location}: ParquetFormatOptions.RowGroupSize must be positive, not {RowGroupSize}.");
        }
    }

    private static readonly ParquetFormatOptions Default = new();
}
