using GoKart.Formats.Tables;

namespace GoKart.Formats.Numpy;

/// <summary>A table as an .npz with one 1-D array per column (pandas: <c>pd.DataFrame(dict(np.load(path)))</c>).</summary>
internal sealed class NpzTableCodec<TRecord> : ITableCodec
{
    public NpzTableCodec(object? unused)
    {
        _ = unused;
    }

    public static bool Supports() =>
        RecordShape<TRecord>.Problem is null
        && RecordShape<TRecord>.For(string.Empty).Columns.All(c => c.ValueType == typeof(string) || NpyDType.IsSupported(c.ValueType));

    public async ValueTask WriteAsync(Stream stream, object? value, FormatContext context, CancellationToken cancellationToken)
    {
        var shape = RecordShape<TRecord>.For(context.Location);
        var rows = TableTypes.Rows<TRecord>(value, context.Location) as IReadOnlyList<TRecord> ?? [.. TableTypes.Rows<TRecord>(value, context.Location)];
        var compressed = TableFormatOptions.From(context).Compressed;

        // One pass over the records fills every column (one copy of the data), instead of one pass per column.
        var columns = shape.Columns.Select(c => Array.CreateInstance(c.ValueType, rows.Count)).ToArray();
        var store = shape.Columnar.Store;
        for (var i = 0; i < rows.Count; i++)
        {
            store(rows[i], columns, i);
        }

        var archive = await NpzArchive.CreateAsync(stream, cancellationToken).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            foreach (var column in shape.Columns)
            {
                var entry = await NpzArchive.CreateEntryAsync(archive, column.Name, compressed, cancellationToken).ConfigureAwait(false);
                await using (entry.ConfigureAwait(false))
                {
                    var array = columns[column.Index];
                    if (array is string?[] strings)
                    {
                        await NpyStrings.WriteAsync(entry, strings, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await NpyArrays.WriteAsync(entry, array, context.Location, cancellationToken).ConfigureAwait(false);
                    }
                }

                columns[column.Index] = null!;
            }
        }
    }

    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var location = context.Location;
        var shape = RecordShape<TRecord>.For(location);
        var archive = await NpzArchive.OpenAsync(stream, location, cancellationToken).ConfigureAwait(false);
        using (archive)
        {
            var entries = NpzArchive.Entries(archive, location);
            var extra = entries.Keys.Where(k => shape.Find(k) is null).ToList();
            TableChecks.CheckHeader(shape, entries.Keys.ToHashSet(StringComparer.Ordinal), extra, TableFormatOptions.From(context).StrictColumns, location);
            var arrays = new Array?[shape.Columns.Count];
            long? count = null;
            foreach (var column in shape.Columns)
            {
                if (!entries.TryGetValue(column.Name, out var entry))
                {
                    continue;
                }

                var array = await NpzArchive.ReadEntryAsync(entry, location, (s, where) => ReadColumnAsync(s, column, where, cancellationToken), cancellationToken).ConfigureAwait(false);
                if (count is { } expected && array.LongLength != expected)
                {
                    throw new InvalidDataException($"{location}: column '{column.Name}' has {array.LongLength} values but the columns before it have {expected}.");
                }

                count = array.LongLength;
                arrays[column.Index] = array;
            }

            var build = shape.Columnar.Build;
            var rows = new TRecord[(int)(count ?? 0)];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = build(arrays, i);
            }

            return type.IsAssignableFrom(typeof(TRecord[])) ? rows : new List<TRecord>(rows);
        }
    }

    private static async ValueTask<Array> ReadColumnAsync(Stream stream, TableColumn<TRecord> column, string where, CancellationToken cancellationToken)
    {
        var header = await NpyHeader.ReadAsync(stream, where, cancellationToken).ConfigureAwait(false);
        if (header.Shape.Length != 1)
        {
            throw new InvalidDataException($"{where}: column '{column.Name}' must be a 1-D array, found shape ({string.Join(", ", header.Shape)}).");
        }

        if (column.ValueType == typeof(string))
        {
            return await NpyStrings.ReadAsync(stream, header, where, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return (Array)await NpyArrays.ReadBodyAsync(stream, header, column.ValueType.MakeArrayType(), where, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e) when (e.Message.Contains("was asked for", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{where}: column '{column.Name}' holds {header.Descr} but {typeof(TRecord).Name}.{column.Name} is {column.TypeName}.", e);
        }
    }
}
