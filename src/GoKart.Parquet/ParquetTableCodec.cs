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

    /// <summary>The whole file as <paramref name="type"/>: column arrays filled row group by row group, records made from them.</summary>
    public static async ValueTask<object?> ReadTableAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var table = await ParquetTableReader<TRecord>.OpenAsync(stream, context, false, cancellationToken).ConfigureAwait(false);
        await using (table.ConfigureAwait(false))
        {
            var count = (int)table.RowCount;
            var arrays = table.Allocate(count);
            var offset = 0;
            for (var g = 0; g < table.GroupCount; g++)
            {
                await table.ReadGroupAsync(g, arrays, offset, offset, cancellationToken).ConfigureAwait(false);
                offset += table.GroupRows(g);
            }

            var shape = RecordShape<TRecord>.For(context.Location);
            if (!typeof(TRecord).IsValueType && type.IsAssignableFrom(typeof(ColumnarRecords<TRecord>)))
            {
                // Read-only table of class records: the columns are the result; records are made as they are read.
                return new ColumnarRecords<TRecord>(arrays, count, shape.Columnar);
            }

            var build = shape.Columnar.Build;
            var rows = new TRecord[count];
            for (var i = 0; i < count; i++)
            {
                rows[i] = build(arrays, i);
            }

            return type.IsArray ? rows : new List<TRecord>(rows);
        }
    }

    /// <summary>The rows in order, one row group in memory at a time (its columns are reused from group to group).</summary>
    public static async IAsyncEnumerable<TRecord> ReadRowsAsync(Stream stream, FormatContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await ParquetTableReader<TRecord>.OpenAsync(stream, context, true, cancellationToken).ConfigureAwait(false);
        await using (table.ConfigureAwait(false))
        {
            var capacity = 0;
            for (var g = 0; g < table.GroupCount; g++)
            {
                capacity = Math.Max(capacity, table.GroupRows(g));
            }

            var arrays = table.Allocate(capacity);
            var build = RecordShape<TRecord>.For(context.Location).Columnar.Build;
            long firstRow = 0;
            for (var g = 0; g < table.GroupCount; g++)
            {
                await table.ReadGroupAsync(g, arrays, 0, firstRow, cancellationToken).ConfigureAwait(false);
                var count = table.GroupRows(g);
                for (var i = 0; i < count; i++)
                {
                    yield return build(arrays, i);
                }

                firstRow += count;
            }
        }
    }

    /// <summary>
    /// Parquet.Net's options for reads. Its page buffers come from one process-wide pool whose idle limits each column
    /// reader and writer sets as it starts. A row stream sets them far lower than Parquet.Net's defaults (16 + 64 MiB
    /// kept idle) so that a long stream does not hold on to them (10,000,000 rows streamed through a task: 150-170 MiB
    /// peak with 1 + 4 MiB, about 180 with 4 + 16); a whole table keeps the defaults, which let a dump of large row
    /// groups reuse its page buffers (a 1,000,000-row dump allocates 80 MB with them, 236 MB with the stream's).
    /// </summary>
    internal static ParquetOptions ReadOptions(bool stream)
    {
        var options = new ParquetOptions { UseDateOnlyTypeForDates = true };
        LimitPools(options, stream);
        return options;
    }

    internal static void LimitPools(ParquetOptions options, bool stream)
    {
        if (stream)
        {
            options.MaximumSmallPoolFreeBytes = 1 << 20;
            options.MaximumLargePoolFreeBytes = 4 << 20;
        }
    }

    internal static ParquetColumn[] Columns(RecordShape<TRecord> shape, string location) =>
        [.. shape.Columns.Select(c => ParquetColumns.TryCreate(c.ValueType, c.Name, c.TypeName, c.AllowsNull)
            ?? throw new NotSupportedException($"{location}: column '{c.Name}' of {typeof(TRecord).Name} has type {c.TypeName}, which a parquet column cannot hold."))];

    /// <summary>The file's field for each column (null when absent), after gokart's required-column and type checks.</summary>
    internal static DataField?[] Match(RecordShape<TRecord> shape, ParquetColumn[] columns, ParquetSchema schema, bool strict, string location)
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
    internal static async Task<T> Guard<T>(string location, Func<Task<T>> action)
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
