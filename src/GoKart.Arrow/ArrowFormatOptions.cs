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

    private readonly int? _batchSize;

    /// <summary>
    /// Rows per record batch when dumping (default 65,536, pyarrow's feather chunk size; 8,192 for a dump streamed from
    /// an enumerable, unless set here); a load reads one batch at a time.
    /// </summary>
    public int BatchSize
    {
        get => _batchSize ?? 65_536;
        init => _batchSize = value;
    }

    /// <summary>Whether a column in the file that the record type does not have is an error (default: ignored).</summary>
    public bool StrictColumns { get; init; }

    /// <summary>
    /// Rows per batch of a dump whose length is not known in advance (a stream). 8,192 keeps every per-batch array of
    /// 8-byte values under the 85,000 bytes from which .NET allocates on the large-object heap, which is collected
    /// only with a full collection: with 65,536-row batches, 10,000,000 rows streamed through a task peaked at
    /// 159 MiB, with 8,192 at 85 MiB, in the same time.
    /// </summary>
    internal int StreamBatchSize => _batchSize ?? 8_192;

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
