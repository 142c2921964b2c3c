using GoKart.Formats;
using DuckDB.NET.Data;
using Parquet;

namespace GoKart.Parquet.Tests;

public sealed record MaybeStamp(int Id, DateTime? When);

public sealed record Measure(int Id, double Value, double? Maybe, float Single);

public sealed record Numbered(int Id);

/// <summary>Nullable timestamps, timestamp statistics, NaN and files whose row counts disagree.</summary>
public sealed class ParquetDefectTests : IDisposable
{
    private static readonly DateTime Local = new(2021, 3, 4, 5, 6, 7, 891, DateTimeKind.Local);
    private static readonly DateTime Utc = new DateTime(2022, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(7);
    private static readonly DateTime Unspecified = new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Unspecified).AddTicks(3);

    private readonly string _dir = Directory.CreateTempSubdirectory("gokart-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Row groups of 2: nulls at the start, middle and end of groups, and one group of nulls only.
    private static List<MaybeStamp> Stamps() =>
        [new(0, null), new(1, Local), new(2, Utc), new(3, null), new(4, Unspecified), new(5, null), new(6, null), new(7, null), new(8, Local)];

    // The npz rule (docs/formats.md): a Local value is stored as its UTC time; every value reads back Unspecified.
    private static DateTime? Expected(DateTime? value) =>
        value is { } v ? DateTime.SpecifyKind(v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v, DateTimeKind.Unspecified) : null;

    [Theory]
    [InlineData(typeof(IReadOnlyList<MaybeStamp>))]
    [InlineData(typeof(List<MaybeStamp>))]
    [InlineData(typeof(MaybeStamp[]))]
    public async Task RoundTrip_NullableDateTime_KeepsNullsAndTheNpzTimeZoneRules(Type tableType)
    {
        var rows = Stamps();
        var bytes = await Rows.WriteAsync<IReadOnlyList<MaybeStamp>>("t.parquet", rows, new ParquetFormatOptions { RowGroupSize = 2 });
        var back = (IReadOnlyList<MaybeStamp>)(await ReadAsync(tableType, "t.parquet", bytes))!;

        Assert.Equal(rows.Select(r => r with { When = Expected(r.When) }), back);
        Assert.All(back.Where(r => r.When is not null), r => Assert.Equal(DateTimeKind.Unspecified, r.When!.Value.Kind));

        // The same rows through .npz, the format whose rules parquet follows, read back the same.
        var npz = await Rows.ReadAsync<IReadOnlyList<MaybeStamp>>("t.npz", await Rows.WriteAsync<IReadOnlyList<MaybeStamp>>("t.npz", rows));
        Assert.Equal(npz.Select(r => r.When), back.Select(r => r.When));
    }

    [Fact]
    public async Task RoundTrip_NullableDateTime_AsARowStream()
    {
        var rows = Stamps();
        var bytes = await Rows.WriteAsync<IReadOnlyList<MaybeStamp>>("t.parquet", rows, new ParquetFormatOptions { RowGroupSize = 2 });
        var back = new List<MaybeStamp>();
        using var stream = new MemoryStream(bytes, writable: false);
        var target = new Target("t.parquet");
        await foreach (var row in new ParquetFormat().ReadRowsAsync<MaybeStamp>(stream, new FormatContext("t.parquet", target, Rows.Registry), CancellationToken.None))
        {
            back.Add(row);
        }

        Assert.Equal(rows.Select(r => r with { When = Expected(r.When) }), back);
    }

    [Fact]
    public async Task DuckDb_FiltersAndStatistics_OnDateTimeColumns_AreInTheColumnsUnit()
    {
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var rows = Enumerable.Range(0, 40).Select(i => new MaybeStamp(i, i % 5 == 3 ? null : start.AddDays(i).AddTicks(i * 10))).ToList();
        var path = Path.Combine(_dir, "stamps.parquet");
        await File.WriteAllBytesAsync(path, await Rows.WriteAsync<IReadOnlyList<MaybeStamp>>(path, rows, new ParquetFormatOptions { RowGroupSize = 10 }));

        using var connection = Open();
        var cut = start.AddDays(25);
        Assert.Equal((long)rows.Count(r => r.When >= cut), Scalar(connection, $"SELECT count(*) FROM read_parquet('{path}') WHERE \"When\" >= TIMESTAMP '{cut:yyyy-MM-dd HH:mm:ss}'"));
        Assert.Equal(
            rows.Where(r => r.When < cut).Select(r => (long)r.Id),
            Column(connection, $"SELECT \"Id\" FROM read_parquet('{path}') WHERE \"When\" < TIMESTAMP '{cut:yyyy-MM-dd HH:mm:ss}' ORDER BY \"Id\""));

        // Each row group's min/max statistics, as DuckDB reads them, are the group's true extremes (nanoseconds since the epoch).
        var stats = Column(connection,
            $"SELECT epoch_ns(CAST(stats_min_value AS TIMESTAMP_NS)) FROM parquet_metadata('{path}') WHERE path_in_schema = 'When' ORDER BY row_group_id")
            .Zip(Column(connection, $"SELECT epoch_ns(CAST(stats_max_value AS TIMESTAMP_NS)) FROM parquet_metadata('{path}') WHERE path_in_schema = 'When' ORDER BY row_group_id"));
        var expected = rows.Chunk(10).Select(g => g.Where(r => r.When is not null).Select(r => (r.When!.Value.Ticks - DateTime.UnixEpoch.Ticks) * 100)).Select(g => (g.Min(), g.Max()));
        Assert.Equal(expected, stats);
    }

    [Fact]
    public async Task RoundTrip_NaNAndInfinities_ComeBackBitForBit_AndDuckDbSeesThem()
    {
        double[] specials = [double.NaN, 1.5, double.PositiveInfinity, double.NegativeInfinity, -0.0, 2.5];
        var rows = specials.Select((v, i) => new Measure(i, v, i % 2 == 0 ? v : null, (float)v)).ToList();
        var path = Path.Combine(_dir, "nan.parquet");
        var bytes = await Rows.WriteAsync<IReadOnlyList<Measure>>(path, rows, new ParquetFormatOptions { RowGroupSize = 4 });
        await File.WriteAllBytesAsync(path, bytes);

        var back = await Rows.ReadAsync<IReadOnlyList<Measure>>(path, bytes);
        Assert.Equal(rows.Select(r => BitConverter.DoubleToInt64Bits(r.Value)), back.Select(r => BitConverter.DoubleToInt64Bits(r.Value)));
        Assert.Equal(rows.Select(r => r.Maybe is { } m ? BitConverter.DoubleToInt64Bits(m) : (long?)null), back.Select(r => r.Maybe is { } m ? BitConverter.DoubleToInt64Bits(m) : (long?)null));
        Assert.Equal(rows.Select(r => BitConverter.SingleToInt32Bits(r.Single)), back.Select(r => BitConverter.SingleToInt32Bits(r.Single)));

        using var connection = Open();
        Assert.Equal(1L, Scalar(connection, $"SELECT count(*) FROM read_parquet('{path}') WHERE isnan(\"Value\")"));
        Assert.Equal(
            rows.Where(r => r.Value > 1).Select(r => (long)r.Id),
            Column(connection, $"SELECT \"Id\" FROM read_parquet('{path}') WHERE \"Value\" > 1 AND NOT isnan(\"Value\") ORDER BY \"Id\""));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_RowCountsThatDisagree_AreAnErrorNamingTheFile(bool footerDisagrees)
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Numbered>>("n.parquet", [.. Enumerable.Range(0, 1000).Select(i => new Numbered(i))]);
        var damaged = await PatchRowCountAsync(bytes, footerDisagrees);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<Numbered>>("n.parquet", damaged));
        Assert.StartsWith("n.parquet: ", e.Message);
        Assert.Contains("999", e.Message);

        using var stream = new MemoryStream(damaged, writable: false);
        var rows = new ParquetFormat().ReadRowsAsync<Numbered>(stream, new FormatContext("n.parquet", new Target("n.parquet"), Rows.Registry), CancellationToken.None);
        var streamed = await Assert.ThrowsAsync<InvalidDataException>(async () => await rows.CountAsync());
        Assert.StartsWith("n.parquet: ", streamed.Message);
    }

    /// <summary>
    /// The footer's thrift holds 1000 (zigzag varint D0 0F after an i64 field header) as the file's row count, the row
    /// group's and the column chunk's value count: turn one of them into 999 and keep the one the test wants.
    /// </summary>
    private static async Task<byte[]> PatchRowCountAsync(byte[] bytes, bool footer)
    {
        var footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        var footerStart = bytes.Length - 8 - footerLength;
        for (var i = footerStart; i < bytes.Length - 10; i++)
        {
            if ((bytes[i] & 0x0F) != 6 || bytes[i + 1] != 0xD0 || bytes[i + 2] != 0x0F)
            {
                continue;
            }

            var copy = (byte[])bytes.Clone();
            copy[i + 1] = 0xCE; // zigzag(999) = 1998 = CE 0F
            try
            {
                using var stream = new MemoryStream(copy, writable: false);
                await using var reader = await ParquetReader.CreateAsync(stream);
                var fileRows = reader.Metadata!.NumRows;
                var groupRows = reader.RowGroups[0].RowCount;
                if (footer ? fileRows == 999 && groupRows == 1000 : fileRows == 1000 && groupRows == 999)
                {
                    return copy;
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                // Not a row count: that byte pattern was something else.
            }
        }

        throw new InvalidOperationException("no row count found to patch");
    }

    private static async Task<object?> ReadAsync(Type type, string path, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var target = new Target(path);
        return await target.ResolveFormat(Rows.Registry).ReadAsync(stream, type, new FormatContext(path, target, Rows.Registry), CancellationToken.None);
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<long> Column(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read())
        {
            values.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }
}
