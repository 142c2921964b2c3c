// Shared by GoKart.Tests (csv, tsv, ndjson), GoKart.Parquet.Tests and GoKart.Arrow.Tests (linked, not a project):
// the same streaming behaviour is asserted for every format that implements IRowStreamFormat.
using System.Runtime.CompilerServices;
using GoKart.Formats;

namespace GoKart.RowStreaming;

public sealed record Item(long Id, double Value, string Name);

public sealed record LooseItem(long? Id, double Value, string Name);

/// <summary>Streams <see cref="Count"/> items into its output; throws at row <see cref="FailAt"/>, cancels at <see cref="CancelAt"/>.</summary>
public sealed class StreamSource : TaskOnKart<IAsyncEnumerable<Item>>
{
    public string Extension { get; init; } = ".csv";

    public int Count { get; init; }

    public int FailAt { get; init; } = -1;

    public int CancelAt { get; init; } = -1;

    [NotParameter]
    public object? Options { get; init; }

    [NotParameter]
    public CancellationTokenSource? Cancel { get; init; }

    public static Item Expected(long i) => new(i, i * 0.25, "n" + i);

    protected override Target Output() => MakeTarget("data/source" + Extension) with { FormatOptions = Options };

    protected override Task<IAsyncEnumerable<Item>> RunAsync(CancellationToken cancellationToken) => Task.FromResult(Items());

    private async IAsyncEnumerable<Item> Items()
    {
        for (var i = 0; i < Count; i++)
        {
            if (i == FailAt)
            {
                throw new InvalidOperationException($"the source failed at row {i}");
            }

            if (i == CancelAt)
            {
                await Cancel!.CancelAsync();
            }

            yield return Expected(i);
        }
    }
}

/// <summary>Rows whose Id is null at <see cref="NullAt"/>: loaded as <see cref="Item"/>, that row cannot be read.</summary>
public sealed class LooseSource : TaskOnKart<IAsyncEnumerable<LooseItem>>
{
    public string Extension { get; init; } = ".csv";

    public int Count { get; init; }

    public int NullAt { get; init; }

    [NotParameter]
    public object? Options { get; init; }

    protected override Target Output() => MakeTarget("data/loose" + Extension) with { FormatOptions = Options };

    protected override Task<IAsyncEnumerable<LooseItem>> RunAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Enumerable.Range(0, Count).Select(i => new LooseItem(i == NullAt ? null : i, i, "n" + i)).ToAsyncEnumerable());
}

/// <summary>load stream -> dump stream: each item's Value doubled.</summary>
public sealed class StreamThrough : TaskOnKart<IAsyncEnumerable<Item>>
{
    public TaskOnKart Source { get; init; } = new StreamSource();

    public string Extension { get; init; } = ".csv";

    [NotParameter]
    public object? Options { get; init; }

    protected override Dependencies Requires() => new TaskOnKart[] { Source };

    protected override Target Output() => MakeTarget("data/through" + Extension) with { FormatOptions = Options };

    protected override Task<IAsyncEnumerable<Item>> RunAsync(CancellationToken cancellationToken) =>
        Task.FromResult(LoadRowsAsync<Item>(Source, cancellationToken).Select(r => r with { Value = r.Value * 2 }));
}

/// <summary>The sizes of the batches LoadBatchesAsync hands out.</summary>
public sealed class BatchSizes : TaskOnKart<int[]>
{
    public StreamSource Source { get; init; } = new();

    public int BatchSize { get; init; }

    protected override Dependencies Requires() => new TaskOnKart[] { Source };

    protected override async Task<int[]> RunAsync(CancellationToken cancellationToken)
    {
        var sizes = new List<int>();
        await foreach (var batch in LoadBatchesAsync<Item>(Source, BatchSize, cancellationToken))
        {
            sizes.Add(batch.Length);
        }

        return [.. sizes];
    }
}

/// <summary>Counts the bytes read through it.</summary>
public sealed class CountingStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Counted(int read)
    {
        BytesRead += read;
        return read;
    }
}

/// <summary>What every row-streaming format must do; a subclass names the format's extension and options.</summary>
public abstract class RowStreamContract : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("gokart-rows-").FullName;

    /// <summary>The format's extension, e.g. ".parquet".</summary>
    protected abstract string Extension { get; }

    protected abstract FormatRegistry Registry { get; }

    /// <summary>Options that make the format write 1000 rows per batch or row group (null where it has none).</summary>
    protected abstract object? Batches1000 { get; }

    public void Dispose()
    {
        Directory.Delete(_workspace, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(20_000)]
    public async Task LoadStreamDumpStream_ThroughATask_GivesEveryRowInOrder(int count)
    {
        var through = Through(new StreamSource { Extension = Extension, Count = count, Options = Batches1000 });

        var rows = await (await Kart.BuildAsync(through, Options())).ToListAsync();

        Assert.Equal(count, rows.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(new Item(i, i * 0.5, "n" + i), rows[i]);
        }

        // A second build reuses the written file and reads it again as a stream.
        Assert.Equal(rows, await (await Kart.BuildAsync(through, Options())).ToListAsync());
    }

    [Fact]
    public async Task LoadBatches_GivesFullBatchesThenTheRest()
    {
        var sizes = await Kart.BuildAsync(new BatchSizes { Source = new StreamSource { Extension = Extension, Count = 2500, Options = Batches1000 }, BatchSize = 700 }, Options());

        Assert.Equal([700, 700, 700, 400], sizes);
    }

    [Fact]
    public async Task DumpStream_SourceFailsMidStream_FailsAndLeavesNoOutput()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => Kart.BuildAsync(new StreamSource { Extension = Extension, Count = 5000, FailAt = 2500, Options = Batches1000 }, Options()));

        Assert.Contains("the source failed at row 2500", e.ToString());
        AssertNoOutputs();
    }

    [Fact]
    public async Task LoadStream_BadRowMidStream_NamesFileRowAndColumnAndLeavesNoOutput()
    {
        var through = Through(new LooseSource { Extension = Extension, Count = 3000, NullAt = 2100, Options = Batches1000 });

        var e = await Assert.ThrowsAnyAsync<Exception>(() => Kart.BuildAsync(through, Options()));

        var message = e.ToString();
        Assert.Contains("loose_", message);
        Assert.Contains("row 2101", message);
        Assert.Contains("'Id'", message);
        Assert.Empty(Directory.GetFiles(Path.Combine(_workspace, "data"), "through_*"));
    }

    [Fact]
    public async Task DumpStream_Cancelled_LeavesNoOutput()
    {
        using var cancel = new CancellationTokenSource();
        var source = new StreamSource { Extension = Extension, Count = 50_000, CancelAt = 3000, Options = Batches1000, Cancel = cancel };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Kart.BuildAsync(source, Options(), cancel.Token));

        AssertNoOutputs();
    }

    [Fact]
    public async Task ReadRows_FirstRowsOfALargeFile_ReadsABoundedPart()
    {
        var path = Path.Combine(_workspace, "large" + Extension);
        var target = new Target("large" + Extension) { FormatOptions = Batches1000 };
        var format = (IRowStreamFormat)target.ResolveFormat(Registry);
        var context = new FormatContext(path, target, Registry);
        await using (var output = File.Create(path))
        {
            await format.WriteRowsAsync(output, Enumerable.Range(0, 200_000).Select(i => StreamSource.Expected(i)).ToAsyncEnumerable(), context, CancellationToken.None);
        }

        await using var input = new CountingStream(File.OpenRead(path));
        var first = await format.ReadRowsAsync<Item>(input, context, CancellationToken.None).Take(10).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => StreamSource.Expected(i)), first);
        var size = new FileInfo(path).Length;
        Assert.True(input.BytesRead < size / 10, $"read {input.BytesRead} of {size} bytes for 10 rows");
    }

    private StreamThrough Through(TaskOnKart source) => new() { Source = source, Extension = Extension, Options = Batches1000 };

    private BuildOptions Options() => new() { Workspace = _workspace, Workers = 1, Formats = Registry };

    private void AssertNoOutputs()
    {
        var data = Path.Combine(_workspace, "data");
        Assert.True(!Directory.Exists(data) || !Directory.EnumerateFileSystemEntries(data).Any(), string.Join(", ", Directory.Exists(data) ? Directory.GetFileSystemEntries(data) : []));
    }
}
