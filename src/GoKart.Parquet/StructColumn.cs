using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GoKart.Formats.Tables;
using Parquet;
using Parquet.Schema;

namespace GoKart.Parquet;

/// <summary>
/// A property stored as a parquet primitive <typeparamref name="TStore"/> (double, int, DateTime, Guid, ...).
/// <typeparamref name="TProp"/> may be <typeparamref name="TStore"/> itself, its Nullable, or a type converted to it.
/// </summary>
internal sealed class StructColumn<TProp, TStore> : ParquetColumn
    where TStore : struct
{
    // Values pass through untouched only where no conversion or check applies (times and decimals have both).
    private static readonly bool Identity = typeof(TProp) == typeof(TStore) && typeof(TStore) != typeof(DateTime) && typeof(TStore) != typeof(decimal);
    // Large arrays of plain values come from BulkArrays (huge pages, not zeroed), as the npz loads' do.
    private static readonly Func<int, TStore[]>? Bulk = RuntimeHelpers.IsReferenceOrContainsReferences<TStore>()
        ? null
        : typeof(BulkArrays).GetMethod(nameof(BulkArrays.Allocate))!.MakeGenericMethod(typeof(TStore)).CreateDelegate<Func<int, TStore[]>>();

    private readonly Func<TProp, TStore?> _toStore;
    private readonly Func<TStore, TProp> _fromStore;
    private readonly TProp? _nullValue;
    private readonly bool _readsNull;

    // toStore: Null for a null value; throws <see cref="ArgumentException"/> for a value the column cannot hold.
    // fromStore: Throws <see cref="ArgumentException"/> for a stored value the property cannot hold.
    // nullValue: What a null reads as when the property is not nullable (NaN for doubles), else null is an error.
    public StructColumn(string name, string typeName, bool allowsNull, DataField field, Func<TProp, TStore?> toStore, Func<TStore, TProp> fromStore, bool readsNull, TProp? nullValue)
        : base(name, typeName, allowsNull, field)
    {
        _toStore = toStore;
        _fromStore = fromStore;
        _readsNull = readsNull || allowsNull;
        _nullValue = nullValue;
    }

    public override bool Accepts(DataField fileField) =>
        fileField.ClrType == typeof(TStore)
        || (IsInteger(fileField.ClrType) && (IsInteger(typeof(TStore)) || typeof(TStore) == typeof(double) || typeof(TStore) == typeof(float)))
        || (fileField.ClrType == typeof(float) && typeof(TStore) == typeof(double));

    public override Array Allocate(int length) => Identity && Bulk is not null ? Bulk(length) : new TProp[length];

    public override async Task ReadIntoAsync(ParquetRowGroupReader reader, DataField fileField, Array destination, int offset, int count, long firstRow, string location, CancellationToken cancellationToken)
    {
        if (Identity && !fileField.IsNullable && fileField.ClrType == typeof(TStore))
        {
            // The file holds this very type with no nulls: Parquet.Net decodes the pages straight into the column.
            await reader.ReadAsync<TStore>(fileField, ((TStore[])destination).AsMemory(offset, count), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        await base.ReadIntoAsync(reader, fileField, destination, offset, count, firstRow, location, cancellationToken).ConfigureAwait(false);
    }

    public override async Task WriteAsync(ParquetRowGroupWriter writer, Array values, int count, long firstRow, string location, CancellationToken cancellationToken)
    {
        var typed = (TProp[])values;
        if (Identity && !Field.IsNullable)
        {
            await writer.WriteAsync<TStore>(Field, ((TStore[])values).AsMemory(0, count), null, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (Field.IsNullable)
        {
            var stored = new TStore?[count];
            for (var i = 0; i < count; i++)
            {
                stored[i] = Convert(typed[i], firstRow + i, location);
            }

            await writer.WriteAsync<TStore>(Field, stored.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var stored = new TStore[count];
            for (var i = 0; i < count; i++)
            {
                stored[i] = Convert(typed[i], firstRow + i, location) ?? throw RowError(location, firstRow + i, $"null, but {TypeName} is not nullable.");
            }

            await writer.WriteAsync<TStore>(Field, stored.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task<Array> ReadAsync(ParquetRowGroupReader reader, DataField fileField, int count, long firstRow, string location, CancellationToken cancellationToken)
    {
        if (Identity && !fileField.IsNullable && fileField.ClrType == typeof(TStore))
        {
            var direct = new TStore[count];
            await reader.ReadAsync<TStore>(fileField, direct.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return direct;
        }

        var stored = fileField.ClrType == typeof(TStore)
            ? await ReadNullableAsync<TStore>(reader, fileField, count, cancellationToken).ConfigureAwait(false)
            : await ConvertedAsync(reader, fileField, count, firstRow, location, cancellationToken).ConfigureAwait(false);
        var result = new TProp[count];
        for (var i = 0; i < count; i++)
        {
            if (stored[i] is { } value)
            {
                try
                {
                    result[i] = _fromStore(value);
                }
                catch (ArgumentException e)
                {
                    throw RowError(location, firstRow + i, e.Message);
                }
            }
            else if (_readsNull)
            {
                result[i] = _nullValue!;
            }
            else
            {
                throw RowError(location, firstRow + i, $"a null value, but {TypeName} is not nullable.");
            }
        }

        return result;
    }

    private TStore? Convert(TProp value, long row, string location)
    {
        try
        {
            return _toStore(value);
        }
        catch (ArgumentException e)
        {
            throw RowError(location, row, e.Message);
        }
    }

    private static async Task<T?[]> ReadNullableAsync<T>(ParquetRowGroupReader reader, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[count];
        await reader.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    /// <summary>A number column of another width (int32 in the file for a long property): read as stored, converted checked.</summary>
    private async Task<TStore?[]> ConvertedAsync(ParquetRowGroupReader reader, DataField fileField, int count, long firstRow, string location, CancellationToken cancellationToken)
    {
        var method = typeof(StructColumn<TProp, TStore>).GetMethod(nameof(ReadConvertedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(fileField.ClrType);
        return await ((Task<TStore?[]>)method.Invoke(this, [reader, fileField, count, firstRow, location, cancellationToken])!).ConfigureAwait(false);
    }

    private async Task<TStore?[]> ReadConvertedAsync<TFile>(ParquetRowGroupReader reader, DataField fileField, int count, long firstRow, string location, CancellationToken cancellationToken)
        where TFile : struct
    {
        var raw = await ReadNullableAsync<TFile>(reader, fileField, count, cancellationToken).ConfigureAwait(false);
        var parameter = Expression.Parameter(typeof(TFile));
        var convert = Expression.Lambda<Func<TFile, TStore>>(Expression.ConvertChecked(parameter, typeof(TStore)), parameter).Compile();
        var result = new TStore?[count];
        for (var i = 0; i < count; i++)
        {
            if (raw[i] is { } value)
            {
                try
                {
                    result[i] = convert(value);
                }
                catch (OverflowException)
                {
                    throw RowError(location, firstRow + i, $"{value} ({typeof(TFile).Name} in the file) does not fit in {typeof(TStore).Name}.");
                }
            }
        }

        return result;
    }

    private static bool IsInteger(Type type) =>
        type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort) || type == typeof(int) || type == typeof(uint)
        || type == typeof(long) || type == typeof(ulong);
}
