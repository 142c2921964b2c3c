using GoKart.Formats;
using GoKart.RowStreaming;

namespace GoKart.Arrow.Tests;

public sealed class ArrowRowStreamTests : RowStreamContract
{
    protected override string Extension => ".feather";

    protected override FormatRegistry Registry => Rows.Registry;

    protected override object? Batches1000 { get; } = new ArrowFormatOptions { BatchSize = 1000 };
}
