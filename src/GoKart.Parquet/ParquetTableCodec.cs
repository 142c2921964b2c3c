using GoKart.Formats;
using GoKart.Formats.Tables;
using Parquet;
using Parquet.Schema;

namespace GoKart.Parquet;

/// <summary>Reads and writes a table of <typeparamref name="TRecord"/> as parquet, one row group at a time.</summary>
internal static class ParquetTableCodec<TRecord>
{
    public static string? Problem(string location)
    {
        if (RecordShape<TRecord>.Problem is { } problem)
        {
            return problem;
        }

        var unsupported = RecordShape<TRecord>.For(location).Columns
            .FirstOrDefault(c => ParquetColumns.TryCreate(c.ValueType, c.Name, c.TypeName, c.AllowsNull) is null);
        return unsupported is null ? null : $"column '{unsupported.Name}' has type {unsupported.TypeName}, which a parquet column cannot hold.";
    }

    public static async ValueTask WriteAsync(Stream stream, IEnumerable<TRecord> rows, FormatContext context, CancellationToken cancellationToken)
    {
        var writer = await ParquetGroupWriter<TRecord>.CreateAsync(stream, (rows as IReadOnlyCollection<TRecord>)?.Count, context, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await writer.AddAsync(row).ConfigureAwait(false);
            }

            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes rows as they come, one row group (<see cref="ParquetFormatOptions.RowGroupSize"/> rows) at a time.</summary>
    public static async ValueTask WriteAsync(Stream stream, IAsyncEnumerable<TRecord> rows, FormatContext context, CancellationToken cancellationToken)
    {
        var writer = await ParquetGroupWriter<TRecord>.CreateAsync(stream, null, context, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await writer.AddAsync(row).ConfigureAwait(false);
            }

            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The rows of every row group, in order; a row group is read only when the one before is used up.</summary>
    public static async IAsyncEnumerable<TRecord[]> ReadGroupsAsync(Stream stream, FormatContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var location = context.Location;
        var options = ParquetFormatOptions.From(context);
        var shape = RecordShape<TRecord>.For(location);
        var columns = Columns(shape, location);
        var reader = await Guard(location, () => ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }, true, cancellationToken)).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var fields = Match(shape, columns, reader.Schema, options.StrictColumns, location);
            var build = shape.Columnar.Build;
            long firstRow = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                var arrays = new Array?[columns.Length];
                for (var j = 0; j < columns.Length; j++)
                {
                    if (fields[j] is { } field)
                    {
                        var column = columns[j];
                        arrays[j] = await Guard(location, () => column.ReadAsync(group, field, count, firstRow, location, cancellationToken)).ConfigureAwait(false);
                    }
                }

                var rows = new TRecord[count];
                for (var i = 0; i < count; i++)
                {
                    rows[i] = build(arrays, i);
                }

                firstRow += count;
                yield return rows;
            }
        }
    }

    internal static ParquetColumn[] Columns(RecordShape<TRecord> shape, string location) =>
        [.. shape.Columns.Select(c => ParquetColumns.TryCreate(c.ValueType, c.Name, c.TypeName, c.AllowsNull)
            ?? throw new NotSupportedException($"{location}: column '{c.Name}' of {typeof(TRecord).Name} has type {c.TypeName}, which a parquet column cannot hold."))];

    /// <summary>The file's field for each column (null when absent), after gokart's required-column and type checks.</summary>
    private static DataField?[] Match(RecordShape<TRecord> shape, ParquetColumn[] columns, ParquetSchema schema, bool strict, string location)
    {
        var byName = new Dictionary<string, DataField>(StringComparer.Ordinal);
        foreach (var field in schema.DataFields)
        {
            byName.TryAdd(field.Path.ToString(), field);
        }

        var extra = byName.Keys.Where(n => shape.Find(n) is null).ToList();
        TableChecks.CheckHeader(shape, new HashSet<string>(byName.Keys.Where(n => shape.Find(n) is not null), StringComparer.Ordinal), extra, strict, location);
        var result = new DataField?[columns.Length];
        for (var j = 0; j < columns.Length; j++)
        {
            if (byName.TryGetValue(columns[j].Name, out var field))
            {
                if (field.IsArray || !columns[j].Accepts(field))
                {
                    throw new InvalidDataException(
                        $"{location}: column '{columns[j].Name}' holds {(field.IsArray ? "lists" : ColumnTypeName(field))} in the file, but {typeof(TRecord).Name}.{columns[j].Name} is {columns[j].TypeName}.");
                }

                result[j] = field;
            }
        }

        return result;
    }

    private static string ColumnTypeName(DataField field) =>
        field.ClrType == typeof(ReadOnlyMemory<char>) ? "String" : field.ClrType.Name;

    /// <summary>Parquet.Net's own errors on a damaged file, as one error naming the file.</summary>
    private static async Task<T> Guard<T>(string location, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && !(e is InvalidDataException && e.Message.StartsWith(location, StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"{location}: not a readable parquet file (truncated or corrupt?): {e.Message}", e);
        }
    }
}
