using GoKart.Execution.Async;
using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;
using GoKart.Formats.Tables;

namespace GoKart.Formats.Numpy;

/// <summary>A table as an .npz with one 1-D array per column (pandas: <c>pd.DataFrame(dict(np.load(path)))</c>).</summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class NpzTableCodec<TRecord> : ITableCodec
{
    // One storage per column, made once per record type; null where a property type has none.
    private static readonly Lazy<NpzColumn?[]> Storage = new(() =>
        RecordShape<TRecord>.Problem is null ? StorageFor(RecordShape<TRecord>.For(string.Empty).Columns) : []);

    public NpzTableCodec(object? unused)
    {
        _ = unused;
    }

    public static bool Supports() => RecordShape<TRecord>.Problem is null && Storage.Value.All(s => s is not null);

    public async ValueTask WriteAsync(Stream stream, object? value, FormatContext context, CancellationToken cancellationToken)
    {
        var shape = RecordShape<TRecord>.For(context.Location);
        var storage = StorageOf(shape, context.Location);
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
                    await storage[column.Index].WriteAsync(entry, columns[column.Index], Site(context.Location, column), cancellationToken).ConfigureAwait(false);
                }

                columns[column.Index] = null!;
            }
        }
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var location = context.Location;
        var shape = RecordShape<TRecord>.For(location);
        var storage = StorageOf(shape, location);
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

                var read = storage[column.Index];
                var array = await NpzArchive.ReadEntryAsync(archive, entry, location, (s, where) => ReadColumnAsync(s, read, Site(where, column), cancellationToken), cancellationToken).ConfigureAwait(false);
                if (count is { } expected && array.LongLength != expected)
                {
                    throw new InvalidDataException($"{location}: column '{column.Name}' has {array.LongLength} values but the columns before it have {expected}.");
                }

                count = array.LongLength;
                arrays[column.Index] = array;
            }

            if (!typeof(TRecord).IsValueType && type.IsAssignableFrom(typeof(ColumnarRecords<TRecord>)))
            {
                // Read-only table of class records: the columns are the result; records are made as they are read.
                return new ColumnarRecords<TRecord>(arrays, (int)(count ?? 0), shape.Columnar);
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

    // A loop, not [.. Select]: spreading an enumerable JIT-compiles the segmented array builder in every fresh process
    // that loads a table (issue 18).
    private static NpzColumn?[] StorageFor(IReadOnlyList<TableColumn<TRecord>> columns)
    {
        var storage = new NpzColumn?[columns.Count];
        for (var i = 0; i < storage.Length; i++)
        {
            storage[i] = NpzColumn.For(columns[i].ValueType);
        }

        return storage;
    }

    private static NpzColumn[] StorageOf(RecordShape<TRecord> shape, string location)
    {
        var storage = Storage.Value;
        var missing = shape.Columns.FirstOrDefault(c => storage[c.Index] is null);
        return missing is null
            ? Array.ConvertAll(storage, s => s!)
            : throw new NotSupportedException($"{location}: .npz tables cannot hold {typeof(TRecord).Name}.{missing.Name} ({missing.TypeName}).");
    }

    private static NpzColumnSite Site(string where, TableColumn<TRecord> column) => new(where, column.Name, typeof(TRecord).Name, column.TypeName);

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    private static async ValueTask<Array> ReadColumnAsync(Stream stream, NpzColumn storage, NpzColumnSite site, CancellationToken cancellationToken)
    {
        var header = await NpyHeader.ReadAsync(stream, site.Location, cancellationToken).ConfigureAwait(false);
        if (header.Shape.Length != 1)
        {
            throw new InvalidDataException($"{site.Location}: column '{site.Column}' must be a 1-D array, found shape ({string.Join(", ", header.Shape)}).");
        }

        return await storage.ReadAsync(stream, header, site, cancellationToken).ConfigureAwait(false);
    }
}
