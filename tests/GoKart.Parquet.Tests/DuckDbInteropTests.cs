using System.Globalization;
using DuckDB.NET.Data;

namespace GoKart.Parquet.Tests;

public sealed record FromDuck(int Id, long Big, double Score, string? Name, DateOnly? Day, DateTime? At, bool Flag);

/// <summary>DuckDB (an independent parquet implementation) reads what we write and writes what we read.</summary>
public sealed class DuckDbInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gokart-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Zstd)]
    public async Task DuckDbReads_WhatWeWrite_ValuesNullsDatesStringsAcrossRowGroups(ParquetCompression compression)
    {
        var rows = Enumerable.Range(0, 25).Select(Rows.Make).ToList();
        var path = Path.Combine(_dir, "x.parquet");
        await File.WriteAllBytesAsync(path, await Rows.WriteAsync<IReadOnlyList<Wide>>(path, rows, new ParquetFormatOptions { Compression = compression, RowGroupSize = 10 }));

        using var connection = Open();
        Assert.Equal(3L, Scalar(connection, $"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{path}')"));
        Assert.Equal(compression.ToString().ToUpperInvariant(), Scalar(connection, $"SELECT DISTINCT compression FROM parquet_metadata('{path}')"));
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT \"Id\", \"Big\", \"Score\", \"Ratio\", \"Flag\", \"Small\", \"Name\", \"Note\", \"Maybe\", \"MaybeScore\", epoch_ns(\"When\"), epoch_ms(\"At\"), "
            + "CAST(\"Day\" AS VARCHAR), \"Clock\", \"Span\", CAST(\"Price\" AS VARCHAR), CAST(\"Key\" AS VARCHAR), \"Color\", \"MaybeColor\", \"Letter\" "
            + $"FROM read_parquet('{path}') ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        var i = 0;
        for (; reader.Read(); i++)
        {
            var e = rows[i];
            Assert.Equal(e.Id, reader.GetInt32(0));
            Assert.Equal(e.Big, reader.GetInt64(1));
            Assert.Equal(e.Score, reader.GetDouble(2));
            Assert.Equal(e.Ratio, reader.GetFloat(3));
            Assert.Equal(e.Flag, reader.GetBoolean(4));
            Assert.Equal(e.Small, Convert.ToByte(reader.GetValue(5), CultureInfo.InvariantCulture));
            Assert.Equal(e.Name, reader.GetString(6));
            Assert.Equal(e.Note, reader.IsDBNull(7) ? null : reader.GetString(7));
            Assert.Equal(e.Maybe, reader.IsDBNull(8) ? null : reader.GetInt32(8));
            Assert.Equal(e.MaybeScore, reader.IsDBNull(9) ? null : reader.GetDouble(9));
            Assert.Equal((e.When.Ticks - DateTime.UnixEpoch.Ticks) * 100, reader.GetInt64(10));
            Assert.Equal((e.At.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond, reader.GetInt64(11));
            Assert.Equal(e.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(12));
            Assert.Equal(e.Clock.Ticks / 10, reader.GetInt64(13)); // microseconds since midnight
            Assert.Equal(e.Span.Ticks * 100, reader.GetInt64(14));
            Assert.Equal(e.Price, decimal.Parse(reader.GetString(15), CultureInfo.InvariantCulture));
            Assert.Equal(e.Key.ToString(), reader.GetString(16));
            Assert.Equal(e.Color.ToString(), reader.GetString(17));
            Assert.Equal(e.MaybeColor?.ToString(), reader.IsDBNull(18) ? null : reader.GetString(18));
            Assert.Equal(e.Letter.ToString(), reader.GetString(19));
        }

        Assert.Equal(rows.Count, i);
    }

    [Fact]
    public async Task WeRead_WhatDuckDbWrites_AcrossRowGroups()
    {
        var path = Path.Combine(_dir, "duck.parquet");
        using (var connection = Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                "COPY (SELECT i::INTEGER AS \"Id\", (i * 3000000000)::BIGINT AS \"Big\", i / 4 AS \"Score\", "
                + "CASE WHEN i % 3 = 1 THEN NULL ELSE 'n' || i::VARCHAR || ' ü' END AS \"Name\", "
                + "CASE WHEN i % 3 = 1 THEN NULL ELSE DATE '2020-02-28' + i::INTEGER END AS \"Day\", "
                + "CASE WHEN i % 3 = 1 THEN NULL ELSE TIMESTAMP '2001-02-03 04:05:06.789' + to_seconds(i) END AS \"At\", "
                + "i % 2 = 0 AS \"Flag\" FROM range(0, 10000) t(i)) "
                + $"TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 2048)";
            command.ExecuteNonQuery();
            Assert.True((long)Scalar(connection, $"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{path}')")! > 1);
        }

        var rows = await Rows.ReadAsync<IReadOnlyList<FromDuck>>(path, await File.ReadAllBytesAsync(path));

        var expected = Enumerable.Range(0, 10000).Select(i => new FromDuck(
            i,
            i * 3_000_000_000L,
            i / 4.0,
            i % 3 == 1 ? null : $"n{i} ü",
            i % 3 == 1 ? null : new DateOnly(2020, 2, 28).AddDays(i),
            i % 3 == 1 ? null : new DateTime(2001, 2, 3, 4, 5, 6, 789).AddSeconds(i),
            i % 2 == 0));
        Assert.Equal(expected, rows);
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
}
