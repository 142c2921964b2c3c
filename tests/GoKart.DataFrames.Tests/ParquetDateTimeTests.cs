using DuckDB.NET.Data;
using GoKart.Formats;
using Microsoft.Data.Analysis;

namespace GoKart.DataFrames.Tests;

/// <summary>DateTime columns of a DataFrame as parquet TIMESTAMP(MICROS), read by DuckDB (an independent reader).</summary>
public sealed class ParquetDateTimeTests : IDisposable
{
    private static readonly FormatRegistry Registry = FormatRegistry.CreateDefault().AddDataFrames();
    private static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly string _dir = Directory.CreateTempSubdirectory("gokart-frames-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DateTime? At(int i) => i % 4 == 3 ? null : Start.AddDays(i).AddTicks(i * 10);

    [Fact]
    public async Task DuckDb_FilterAndStatistics_OnADateTimeColumn_AreRight()
    {
        var path = Path.Combine(_dir, "frame.parquet");
        var frame = new DataFrame(
            new Int32DataFrameColumn("Id", Enumerable.Range(0, 20)),
            new PrimitiveDataFrameColumn<DateTime>("When", Enumerable.Range(0, 20).Select(At)));
        await WriteAsync(path, frame);

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var cut = Start.AddDays(12);
        Assert.Equal(
            Enumerable.Range(0, 20).Where(i => At(i) >= cut).Select(i => (long)i),
            Longs(connection, $"SELECT \"Id\" FROM read_parquet('{path}') WHERE \"When\" >= TIMESTAMP '{cut:yyyy-MM-dd HH:mm:ss}' ORDER BY \"Id\""));
        Assert.Equal(
            Enumerable.Range(0, 20).Select(At).Where(t => t is not null).Select(t => (t!.Value.Ticks - DateTime.UnixEpoch.Ticks) / 10).ToList() is var micros
                ? [micros.Min(), micros.Max()]
                : new List<long>(),
            Longs(connection,
                $"SELECT epoch_us(CAST(stats_min_value AS TIMESTAMP)) FROM parquet_metadata('{path}') WHERE path_in_schema = 'When' "
                + $"UNION ALL SELECT epoch_us(CAST(stats_max_value AS TIMESTAMP)) FROM parquet_metadata('{path}') WHERE path_in_schema = 'When'"));
    }

    [Fact]
    public async Task RoundTrip_DateTimeColumn_KeepsValuesAndNulls()
    {
        var frame = new DataFrame(new PrimitiveDataFrameColumn<DateTime>("When", Enumerable.Range(0, 8).Select(At)));
        using var stream = new MemoryStream();
        var target = new Target("x.parquet");
        var context = new FormatContext("x.parquet", target, Registry);
        var format = target.ResolveFormat(Registry);
        await format.WriteAsync(stream, frame, typeof(DataFrame), context, CancellationToken.None);
        stream.Position = 0;
        var back = (DataFrame)(await format.ReadAsync(stream, typeof(DataFrame), context, CancellationToken.None))!;

        Assert.Equal(typeof(DateTime), back.Columns["When"].DataType);
        Assert.Equal(Enumerable.Range(0, 8).Select(At).Select(v => v?.Ticks), Enumerable.Range(0, 8).Select(i => ((DateTime?)back.Columns["When"][i])?.Ticks));
    }

    private static async Task WriteAsync(string path, DataFrame frame)
    {
        await using var stream = File.Create(path);
        var target = new Target(path);
        await target.ResolveFormat(Registry).WriteAsync(stream, frame, typeof(DataFrame), new FormatContext(path, target, Registry), CancellationToken.None);
    }

    private static List<long> Longs(DuckDBConnection connection, string sql)
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
