using GoKart.Formats;

namespace GoKart.Arrow;

/// <summary>Options of <see cref="ArrowFormat"/>, set per target through <see cref="Target.FormatOptions"/>.</summary>
/// <example>
/// <code>
/// protected override Target Output() =&gt;
///     MakeTarget("data/sales.feather") with { FormatOptions = new ArrowFormatOptions { Compression = ArrowCompression.Lz4 } };
/// </code>
/// </example>
public sealed record ArrowFormatOptions
{
    /// <summary>Buffer compression of dumps (default none). Loads read uncompressed, LZ4 and zstd files.</summary>
    public ArrowCompression Compression { get; init; } = ArrowCompression.None;

    /// <summary>Rows per record batch when dumping (default 65,536, pyarrow's feather chunk size); a load reads one batch at a time.</summary>
    public int BatchSize { get; init; } = 65_536;

    /// <summary>Whether a column in the file that the record type does not have is an error (default: ignored).</summary>
    public bool StrictColumns { get; init; }

    internal static ArrowFormatOptions From(FormatContext context) =>
        context.Target.FormatOptions as ArrowFormatOptions ?? Default;

    internal void Validate(string location)
    {
        if (BatchSize <= 0)
        {
            throw new ArgumentException($"{location}: ArrowFormatOptions.BatchSize must be positive, not {BatchSize}.");
        }
    }

    private static readonly ArrowFormatOptions Default = new();
}
