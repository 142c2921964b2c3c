using Apache.Arrow;
using Array = System.Array;
using Apache.Arrow.Ipc;
using GoKart.Formats;
using GoKart.Formats.Tables;

namespace GoKart.Arrow;

/// <summary>Reads and writes a table of <typeparamref name="TRecord"/> as an Arrow IPC file, one record batch at a time.</summary>
internal static class ArrowTableCodec<TRecord>
{
    public static string? Problem(string location)
    {
        if (RecordShape<TRecord>.Problem is { } problem)
        {
            return problem;
        }

        var unsupported = RecordShape<TRecord>.For(location).Columns
            .FirstOrDefault(c => ArrowColumns.TryCreate(c.ValueType, c.Name, c.TypeName, c.AllowsNull) is null);
        return unsupported is null ? null : $"column '{unsupported.Name}' has type {unsupported.TypeName}, which an Arrow column cannot hold.";
    }

    public static async ValueTask WriteAsync(Stream stream, IEnumerable<TRecord> rows, FormatContext context, CancellationToken cancellationToken)
    {
        using var writer = await ArrowBatchWriter<TRecord>.CreateAsync(stream, (rows as IReadOnlyCollection<TRecord>)?.Count, context, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await writer.AddAsync(row).ConfigureAwait(false);
        }

        await writer.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Writes rows as they come, one record batch (<see cref="ArrowFormatOptions.BatchSize"/> rows) at a time.</summary>
    public static async ValueTask WriteAsync(Stream stream, IAsyncEnumerable<TRecord> rows, FormatContext context, CancellationToken cancellationToken)
    {
        using var writer = await ArrowBatchWriter<TRecord>.CreateAsync(stream, null, context, cancellationToken).ConfigureAwait(false);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.AddAsync(row).ConfigureAwait(false);
        }

        await writer.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The whole table, its columns copied batch by batch into one array per property. Class records asked for as a
    /// read-only table get the columns themselves (<see cref="ColumnarRecords{TRecord}"/>, records made as they are
    /// read, as an .npz load does); any other table type gets its records built here.
    /// </summary>
    public static async ValueTask<object?> ReadTableAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var location = context.Location;
        var shape = RecordShape<TRecord>.For(location);
        using var reader = NewReader(stream);
        var columns = await OpenAsync(reader, shape, context).ConfigureAwait(false);
        var batches = await Guard(location, async () => await reader.RecordBatchCountAsync().ConfigureAwait(false)).ConfigureAwait(false);
        while (true)
        {
            using var batch = await Guard(location, async () => await reader.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            if (batch is null)
            {
                break;
            }

            columns.Append(batch, batches, stream.Length);
        }

        if (!typeof(TRecord).IsValueType && type.IsAssignableFrom(typeof(ColumnarRecords<TRecord>)))
        {
            return new ColumnarRecords<TRecord>(columns.Arrays, columns.Count, shape.Columnar);
        }

        var build = shape.Columnar.Build;
        var rows = new TRecord[columns.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = build(columns.Arrays, i);
        }

        return type.IsArray ? rows : new List<TRecord>(rows);
    }

    /// <summary>The rows of every record batch, in order; a batch is read only when the one before is used up, into the same column arrays.</summary>
    public static async IAsyncEnumerable<TRecord> ReadRowsAsync(Stream stream, FormatContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var location = context.Location;
        var shape = RecordShape<TRecord>.For(location);
        using var reader = NewReader(stream);
        var columns = await OpenAsync(reader, shape, context).ConfigureAwait(false);
        var build = shape.Columnar.Build;
        while (true)
        {
            // The batch goes back to the reader's memory once copied out; records copy their values out of the
            // columns, so rows the caller keeps do not change when the next batch overwrites the columns.
            using (var batch = await Guard(location, async () => await reader.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false))
            {
                if (batch is null)
                {
                    yield break;
                }

                columns.Replace(batch);
            }

            for (var i = 0; i < columns.Count; i++)
            {
                yield return build(columns.Arrays, i);
            }
        }
    }

    private static ArrowFileReader NewReader(Stream stream) =>
        new(stream, new BatchMemory(), new Apache.Arrow.Compression.CompressionCodecFactory(), leaveOpen: true);

    private static async ValueTask<BatchColumns> OpenAsync(ArrowFileReader reader, RecordShape<TRecord> shape, FormatContext context)
    {
        var location = context.Location;
        var columns = Columns(shape, location);
        var schema = await Guard(location, () => Task.FromResult(reader.Schema)).ConfigureAwait(false);
        var indexes = Match(shape, columns, schema, ArrowFormatOptions.From(context).StrictColumns, location);
        return new BatchColumns(columns, indexes, location);
    }

    internal static ArrowColumn[] Columns(RecordShape<TRecord> shape, string location) =>
        [.. shape.Columns.Select(c => ArrowColumns.TryCreate(c.ValueType, c.Name, c.TypeName, c.AllowsNull)
            ?? throw new NotSupportedException($"{location}: column '{c.Name}' of {typeof(TRecord).Name} has type {c.TypeName}, which an Arrow column cannot hold."))];

    /// <summary>The file's column index for each property (-1 when absent), after gokart's required-column and type checks.</summary>
    private static int[] Match(RecordShape<TRecord> shape, ArrowColumn[] columns, Schema schema, bool strict, string location)
    {
        var names = schema.FieldsList.Select(f => f.Name).ToList();
        var extra = names.Where(n => shape.Find(n) is null).ToList();
        TableChecks.CheckHeader(shape, new HashSet<string>(names.Where(n => shape.Find(n) is not null), StringComparer.Ordinal), extra, strict, location);
        var result = new int[columns.Length];
        for (var j = 0; j < columns.Length; j++)
        {
            result[j] = schema.GetFieldIndex(columns[j].Name);
            if (result[j] >= 0 && !columns[j].Accepts(schema.GetFieldByIndex(result[j]).DataType))
            {
                throw new InvalidDataException(
                    $"{location}: column '{columns[j].Name}' holds {schema.GetFieldByIndex(result[j]).DataType.Name} in the file, but {typeof(TRecord).Name}.{columns[j].Name} is {columns[j].TypeName}.");
            }
        }

        return result;
    }

    /// <summary>Apache.Arrow's own errors on a damaged file, as one error naming the file.</summary>
    private static async Task<T> Guard<T>(string location, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && !(e is InvalidDataException && e.Message.StartsWith(location, StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"{location}: not a readable Arrow IPC file (truncated or corrupt?): {e.Message}", e);
        }
    }
}
