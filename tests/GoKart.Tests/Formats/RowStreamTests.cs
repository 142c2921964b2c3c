using GoKart.Formats;
using GoKart.RowStreaming;

namespace GoKart.Tests.Formats;

public sealed class CsvRowStreamTests : RowStreamContract
{
    protected override string Extension => ".csv";

    protected override FormatRegistry Registry { get; } = FormatRegistry.CreateDefault();

    protected override object? Batches1000 => null;
}

public sealed class TsvRowStreamTests : RowStreamContract
{
    protected override string Extension => ".tsv";

    protected override FormatRegistry Registry { get; } = FormatRegistry.CreateDefault();

    protected override object? Batches1000 => null;
}

public sealed class NdjsonRowStreamTests : RowStreamContract
{
    protected override string Extension => ".ndjson";

    protected override FormatRegistry Registry { get; } = FormatRegistry.CreateDefault();

    protected override object? Batches1000 => null;
}
