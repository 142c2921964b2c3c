using GoKart.Formats;
using GoKart.RowStreaming;

namespace GoKart.Parquet.Tests;

public sealed class ParquetRowStreamTests : RowStreamContract
{
    protected override string Extension => ".parquet";

    protected override FormatRegistry Registry => Rows.Registry;

    protected override object? Batches1000 { get; } = new ParquetFormatOptions { RowGroupSize = 1000 };
}
