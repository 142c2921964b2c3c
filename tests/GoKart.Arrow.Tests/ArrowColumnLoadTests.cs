using Apache.Arrow;
using Apache.Arrow.Ipc;
using GoKart.Formats;

namespace GoKart.Arrow.Tests;

public readonly record struct Point(double X, double? Y, string? Label);

/// <summary>Loads that copy record batches into column arrays: every table type, batches of any length, streams that reuse the arrays.</summary>
public sealed class ArrowColumnLoadTests
{
    // 23 batches of 7 rows and one of 6: several batches, nullable columns null on every third row.
    private static readonly List<Wide> Written = [.. Enumerable.Range(0, 160).Select(Rows.Make)];

    [Fact]
    public async Task Read_ManyBatchesWithNulls_EveryTableTypeEqualsTheWrittenRows()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Wide>>("m.feather", Written, new ArrowFormatOptions { BatchSize = 7 });

        Assert.Equal(Written, await Rows.ReadAsync<IReadOnlyList<Wide>>("m.feather", bytes));
        Assert.Equal(Written, await Rows.ReadAsync<IEnumerable<Wide>>("m.feather", bytes));
        var list = await Rows.ReadAsync<List<Wide>>("m.feather", bytes);
        Assert.Equal(Written, list);
        list.Add(Rows.Make(0));
        Assert.Equal(Written, await Rows.ReadAsync<Wide[]>("m.feather", bytes));
        var collection = await Rows.ReadAsync<ICollection<Wide>>("m.feather", bytes);
        Assert.Equal(Written, collection);
        Assert.False(collection.IsReadOnly);
    }

    [Fact]
    public async Task Read_ReadOnlyTable_RecordsAreMadeOnceAndIndexable()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Wide>>("m.feather", Written, new ArrowFormatOptions { BatchSize = 7 });
        var table = await Rows.ReadAsync<IReadOnlyList<Wide>>("m.feather", bytes);

        Assert.Equal(Written.Count, table.Count);
        Assert.Equal(Written[159], table[159]);
        Assert.Same(table[42], table[42]);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[160]);
    }

    [Fact]
    public async Task Read_StructRecords_ComeBackEqual()
    {
        Point[] points = [.. Enumerable.Range(0, 50).Select(i => new Point(i * 1.5, i % 4 == 0 ? null : -i, i % 5 == 0 ? null : "p" + i))];
        var bytes = await Rows.WriteAsync<IReadOnlyList<Point>>("p.feather", points, new ArrowFormatOptions { BatchSize = 8 });

        Assert.Equal(points, await Rows.ReadAsync<IReadOnlyList<Point>>("p.feather", bytes));
        Assert.Equal(points, await Rows.ReadAsync<Point[]>("p.feather", bytes));
    }

    [Theory]
    [InlineData(new[] { 1, 5, 200, 0, 3 })]
    [InlineData(new[] { 100, 1, 1, 1 })]
    [InlineData(new[] { 0, 0 })]
    [InlineData(new[] { 64, 64, 64, 70 })]
    public async Task Read_BatchesOfUnequalLength_AllRowsInOrder(int[] lengths)
    {
        var bytes = await WriteBatchesAsync(lengths);
        var expected = Enumerable.Range(0, lengths.Sum()).Select(i => new Point(i, i % 3 == 0 ? null : i / 2.0, "r" + i)).ToList();

        Assert.Equal(expected, await Rows.ReadAsync<IReadOnlyList<Point>>("u.feather", bytes));
        Assert.Equal(expected.Select(p => new Labelled(p.X, p.Label)), await Rows.ReadAsync<IReadOnlyList<Labelled>>("u.feather", bytes));
        Assert.Equal(expected, await StreamAsync<Point>("u.feather", bytes));
    }

    [Fact]
    public async Task ReadRows_KeptRows_AreNotChangedByLaterBatches()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Wide>>("s.feather", Written, new ArrowFormatOptions { BatchSize = 4 });

        // Every row kept until the end: a row made from a reused column array would show a later batch's values.
        var kept = await StreamAsync<Wide>("s.feather", bytes);

        Assert.Equal(Written, kept);
        Assert.Equal(Written.Count, kept.Distinct().Count());
    }

    [Fact]
    public async Task Read_LargeBatches_ColumnsCopiedInParallel_ComeBackEqual()
    {
        // 21 columns x 4096 rows per batch is above the size from which a batch's columns are copied at once.
        var rows = Enumerable.Range(0, 10_000).Select(Rows.Make).ToList();
        var bytes = await Rows.WriteAsync<IReadOnlyList<Wide>>("big.feather", rows, new ArrowFormatOptions { BatchSize = 4096 });

        Assert.Equal(rows, await Rows.ReadAsync<IReadOnlyList<Wide>>("big.feather", bytes));
        Assert.Equal(rows, await StreamAsync<Wide>("big.feather", bytes));
    }

    [Fact]
    public async Task Read_NullInLargeBatch_NamesTheRowAndColumn()
    {
        var ids = Enumerable.Range(0, 100_000).Select(i => new NullableWide(i == 70_123 ? null : i, i, i, i)).ToList();
        var bytes = await Rows.WriteAsync<IReadOnlyList<NullableWide>>("n.feather", ids, new ArrowFormatOptions { BatchSize = 30_000 });

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<PlainWide>>("n.feather", bytes));
        Assert.Contains("n.feather: row 70124, column 'A'", e.Message);
        var streamed = await Assert.ThrowsAsync<InvalidDataException>(() => StreamAsync<PlainWide>("n.feather", bytes));
        Assert.Contains("n.feather: row 70124, column 'A'", streamed.Message);
    }

    [Fact]
    public async Task WriteRows_StreamedDump_UsesSmallBatchesUnlessBatchSizeIsSet()
    {
        var points = Enumerable.Range(0, 20_000).Select(i => new Point(i, null, "p" + i)).ToList();

        Assert.Equal([8192, 8192, 3616], await BatchLengthsAsync(await WriteRowsAsync(points, null)));
        Assert.Equal([15_000, 5000], await BatchLengthsAsync(await WriteRowsAsync(points, new ArrowFormatOptions { BatchSize = 15_000 })));
        Assert.Equal([20_000], await BatchLengthsAsync(await Rows.WriteAsync<IReadOnlyList<Point>>("p.feather", points)));
        Assert.Equal(points, await Rows.ReadAsync<IReadOnlyList<Point>>("p.feather", await WriteRowsAsync(points, null)));
    }

    private static async Task<byte[]> WriteRowsAsync(List<Point> points, ArrowFormatOptions? options)
    {
        using var stream = new MemoryStream();
        var target = new Target("p.feather") { FormatOptions = options };
        await new ArrowFormat().WriteRowsAsync(stream, points.ToAsyncEnumerable(), new FormatContext("p.feather", target, Rows.Registry), CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<List<int>> BatchLengthsAsync(byte[] bytes)
    {
        using var reader = new ArrowFileReader(new MemoryStream(bytes, writable: false));
        var lengths = new List<int>();
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            lengths.Add(batch.Length);
            batch.Dispose();
        }

        return lengths;
    }

    private static async Task<List<T>> StreamAsync<T>(string path, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var target = new Target(path);
        var rows = new List<T>();
        await foreach (var row in new ArrowFormat().ReadRowsAsync<T>(stream, new FormatContext(path, target, Rows.Registry), CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A file written by Apache.Arrow itself, with batches of the given lengths (our writer makes them equal).</summary>
    private static async Task<byte[]> WriteBatchesAsync(int[] lengths)
    {
        var schema = new Schema.Builder()
            .Field(f => f.Name("X").DataType(Apache.Arrow.Types.DoubleType.Default).Nullable(false))
            .Field(f => f.Name("Y").DataType(Apache.Arrow.Types.DoubleType.Default).Nullable(true))
            .Field(f => f.Name("Label").DataType(Apache.Arrow.Types.StringType.Default).Nullable(true))
            .Build();
        using var stream = new MemoryStream();
        using (var writer = new ArrowFileWriter(stream, schema, leaveOpen: true))
        {
            await writer.WriteStartAsync();
            var first = 0;
            foreach (var length in lengths)
            {
                var x = new DoubleArray.Builder();
                var y = new DoubleArray.Builder();
                var label = new StringArray.Builder();
                for (var i = first; i < first + length; i++)
                {
                    x.Append(i);
                    _ = i % 3 == 0 ? y.AppendNull() : y.Append(i / 2.0);
                    label.Append("r" + i);
                }

                using var batch = new RecordBatch(schema, [x.Build(), y.Build(), label.Build()], length);
                await writer.WriteRecordBatchAsync(batch);
                first += length;
            }

            await writer.WriteEndAsync();
        }

        return stream.ToArray();
    }
}

public sealed record Labelled(double X, string? Label);

public sealed record NullableWide(int? A, double B, double C, double D);

public sealed record PlainWide(int A, double B, double C, double D);
