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

    /// <summary>The rows of every record batch, in order; a batch is read only when the one before is used up.</summary>
    public static async IAsyncEnumerable<TRecord[]> ReadBatchesAsync(Stream stream, FormatContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var location = context.Location;
        var options = ArrowFormatOptions.From(context);
        var shape = RecordShape<TRecord>.For(location);
        var columns = Columns(shape, location);
        using var reader = new ArrowFileReader(stream, new BatchMemory(), new Apache.Arrow.Compression.CompressionCodecFactory(), leaveOpen: true);
        var schema = await Guard(location, () => Task.FromResult(reader.Schema)).ConfigureAwait(false);
        var indexes = Match(shape, columns, schema, options.StrictColumns, location);
        var build = shape.Columnar.Build;
        long firstRow = 0;
        while (true)
        {
            using var batch = await Guard(location, async () => await reader.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            if (batch is null)
            {
                yield break;
            }

            var arrays = new Array?[columns.Length];
            for (var j = 0; j < columns.Length; j++)
            {
                if (indexes[j] >= 0)
                {
                    var column = batch.Column(indexes[j]);
                    arrays[j] = columns[j].Read(column, firstRow, location);
                }
            }

            var rows = new TRecord[batch.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = build(arrays, i);
            }

            firstRow += rows.Length;
            yield return rows;
        }
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
