using System.Reflection;
using GoKart.Formats;
using GoKart.Parquet;
using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;

namespace GoKart.DataFrames;

/// <summary>
/// A DataFrame as parquet, column by column: numbers, bool, decimal and DateTime columns as their parquet types
/// (nullable; DateTime as TIMESTAMP(MICROS), not adjusted to UTC), string columns as UTF-8; one row group per
/// DataFrame, all row groups on load.
/// </summary>
internal sealed class ParquetFrames : IDataFrameCodec
{
    private static readonly MethodInfo WriteStruct = typeof(ParquetFrames).GetMethod(nameof(WriteStructAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ReadStruct = typeof(ParquetFrames).GetMethod(nameof(ReadStructAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async ValueTask WriteAsync(Stream stream, DataFrame frame, FormatContext context, CancellationToken cancellationToken)
    {
        var fields = frame.Columns.Select(c => Field(c, context.Location)).ToList();
        var options = context.Target.FormatOptions as ParquetFormatOptions ?? new ParquetFormatOptions();
        var parquet = new ParquetOptions
        {
            CompressionMethod = options.Compression switch
            {
                ParquetCompression.Gzip => CompressionMethod.Gzip,
                ParquetCompression.Zstd => CompressionMethod.Zstd,
                ParquetCompression.None => CompressionMethod.None,
                _ => CompressionMethod.Snappy,
            },
        };
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, parquet, false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            for (var j = 0; j < fields.Count; j++)
            {
                var column = frame.Columns[j];
                if (column.DataType == typeof(DateTime))
                {
                    await WriteTimestampsAsync(group, fields[j], column, cancellationToken).ConfigureAwait(false);
                }
                else if (column.DataType == typeof(string))
                {
                    await group.WriteAsync(fields[j], Enumerable.Range(0, (int)column.Length).Select(i => (string?)column[i]).ToArray()!, null).ConfigureAwait(false);
                }
                else
                {
                    await ((Task)WriteStruct.MakeGenericMethod(column.DataType).Invoke(null, [group, fields[j], column, cancellationToken])!).ConfigureAwait(false);
                }
            }
        }
    }

    public async ValueTask<DataFrame> ReadAsync(Stream stream, FormatContext context, CancellationToken cancellationToken)
    {
        var seekable = stream;
        if (!stream.CanSeek)
        {
            seekable = new MemoryStream();
            await stream.CopyToAsync(seekable, cancellationToken).ConfigureAwait(false);
            seekable.Position = 0;
        }

        try
        {
            var reader = await ParquetReader.CreateAsync(seekable, new ParquetOptions { UseDateOnlyTypeForDates = false }, true, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var fields = reader.Schema.DataFields;
                var columns = new List<object?>[fields.Length];
                for (var j = 0; j < fields.Length; j++)
                {
                    columns[j] = [];
                }

                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    for (var j = 0; j < fields.Length; j++)
                    {
                        columns[j].AddRange(await ReadColumnAsync(group, fields[j], (int)group.RowCount, context.Location, cancellationToken).ConfigureAwait(false));
                    }
                }

                return new DataFrame(fields.Select((f, j) => MakeColumn(f, columns[j])));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not InvalidDataException)
        {
            throw new InvalidDataException($"{context.Location}: not a readable parquet file as a DataFrame (truncated or corrupt?): {e.Message}", e);
        }
        finally
        {
            if (!ReferenceEquals(seekable, stream))
            {
                await seekable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static DataField Field(DataFrameColumn column, string location) => column.DataType switch
    {
        var t when t == typeof(string) => new DataField<string>(column.Name, true),
        var t when t == typeof(DateTime) => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, false, DateTimeTimeUnit.Micros, true),
        var t when t == typeof(decimal) => new DecimalDataField(column.Name, 38, 18, false, true),
        var t when t.IsPrimitive && t != typeof(char) => new DataField(column.Name, t, true),
        var t => throw new NotSupportedException($"{location}: DataFrame column '{column.Name}' holds {t.Name}, which this parquet writer does not store."),
    };

    /// <summary>
    /// A DateTime column as int64 microseconds since the epoch (the npz rule: a Local value as its UTC time), handed to
    /// Parquet.Net through an INT64 field of the column's name: given DateTimes, Parquet.Net 6.1 writes the min/max
    /// statistics in milliseconds whatever the column's unit, and readers that skip row groups by statistics (DuckDB)
    /// then drop rows. Parquet.Net checks a written field against the schema by name only.
    /// </summary>
    private static async Task WriteTimestampsAsync(ParquetRowGroupWriter group, DataField field, DataFrameColumn column, CancellationToken cancellationToken)
    {
        var int64 = new DataField<long>(field.Name, true);
        _ = new ParquetSchema(int64); // attached, so it has the definition levels of the real (optional, top-level) field
        var values = new long?[column.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (column[i] is DateTime value)
            {
                var ticks = (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks - DateTime.UnixEpoch.Ticks;
                values[i] = Math.DivRem(ticks, 10, out var rest) - (rest < 0 ? 1 : 0); // floor: sub-microsecond ticks are dropped
            }
        }

        await group.WriteAsync<long>(int64, values.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteStructAsync<T>(ParquetRowGroupWriter group, DataField field, DataFrameColumn column, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[column.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (T?)column[i];
        }

        await group.WriteAsync<T>(field, values.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IEnumerable<object?>> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, string location, CancellationToken cancellationToken)
    {
        if (field.ClrType == typeof(ReadOnlyMemory<char>) || field.ClrType == typeof(string))
        {
            var texts = new string?[count];
            await group.ReadAsync(field, texts.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return texts;
        }

        if (field.IsArray || !(field.ClrType.IsPrimitive || field.ClrType == typeof(decimal) || field.ClrType == typeof(DateTime)))
        {
            throw new InvalidDataException($"{location}: column '{field.Name}' holds {field.ClrType.Name}, which a DataFrame load does not read.");
        }

        return await ((Task<IEnumerable<object?>>)ReadStruct.MakeGenericMethod(field.ClrType).Invoke(null, [group, field, count, cancellationToken])!).ConfigureAwait(false);
    }

    private static async Task<IEnumerable<object?>> ReadStructAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[count];
        await group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values.Select(v => (object?)v);
    }

    private static DataFrameColumn MakeColumn(DataField field, List<object?> values)
    {
        if (field.ClrType == typeof(ReadOnlyMemory<char>) || field.ClrType == typeof(string))
        {
            return new StringDataFrameColumn(field.Name, values.Cast<string?>());
        }

        var type = typeof(PrimitiveDataFrameColumn<>).MakeGenericType(field.ClrType);
        var column = (DataFrameColumn)Activator.CreateInstance(type, field.Name, values.Count)!;
        for (var i = 0; i < values.Count; i++)
        {
            column[i] = values[i];
        }

        return column;
    }
}
