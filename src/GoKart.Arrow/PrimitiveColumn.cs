using System.Runtime.InteropServices;
using Apache.Arrow;
using Array = System.Array;
using Apache.Arrow.Types;
using GoKart.Formats.Tables;

namespace GoKart.Arrow;

/// <summary>
/// A property stored as a fixed-width Arrow array of <typeparamref name="TStore"/> (doubles, integers, timestamps as
/// int64, dates as int32 days, ...). <typeparamref name="TProp"/> may be <typeparamref name="TStore"/>, its Nullable, or
/// a type converted to it.
/// </summary>
internal sealed class PrimitiveColumn<TProp, TStore> : ArrowColumn
    where TStore : unmanaged, IEquatable<TStore>
{
    private static readonly bool Identity = typeof(TProp) == typeof(TStore);
    private readonly IArrowType _type;
    private readonly Func<TProp, TStore?> _toStore;
    private readonly Func<TStore, IArrowType, TProp> _fromStore;
    private readonly Func<IArrowType, bool> _accepts;
    private readonly bool _readsNull;
    private readonly TProp? _nullValue;

    // Reused from batch to batch: the writer has written a batch when WriteRecordBatchAsync returns. Fresh buffers per
    // batch were large-object allocations that made the GC scan every live record again (about 1.5x the dump time in
    // the bench).
    private byte[]? _bytes;
    private byte[]? _validity;

    // toStore: null for a null value; throws ArgumentException for a value the column cannot hold.
    // fromStore: the stored value and the file's column type (for its unit); throws ArgumentException when the property cannot hold it.
    public PrimitiveColumn(
        string name, string typeName, bool allowsNull, IArrowType type, Func<TProp, TStore?> toStore, Func<TStore, IArrowType, TProp> fromStore,
        Func<IArrowType, bool> accepts, bool readsNull, TProp? nullValue)
        : base(name, typeName, allowsNull, type)
    {
        _type = type;
        _toStore = toStore;
        _fromStore = fromStore;
        _accepts = accepts;
        _readsNull = readsNull || allowsNull;
        _nullValue = nullValue;
    }

    public override bool Accepts(IArrowType type) => _accepts(type);

    public override IArrowArray Build(Array values, int count, long firstRow, string location)
    {
        var typed = (TProp[])values;
        var size = count * System.Runtime.CompilerServices.Unsafe.SizeOf<TStore>();
        var bytes = _bytes is { } kept && kept.Length >= size ? kept : _bytes = new byte[size];
        var stored = MemoryMarshal.Cast<byte, TStore>(bytes.AsSpan(0, size));
        byte[]? validity = null;
        var nulls = 0;
        if (Identity && !AllowsNull)
        {
            ((TStore[])values).AsSpan(0, count).CopyTo(stored);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                TStore? value;
                try
                {
                    value = _toStore(typed[i]);
                }
                catch (ArgumentException e)
                {
                    throw RowError(location, firstRow + i, e.Message);
                }

                if (value is { } present)
                {
                    stored[i] = present;
                    continue;
                }

                if (!AllowsNull)
                {
                    throw RowError(location, firstRow + i, $"null, but {TypeName} is not nullable.");
                }

                validity ??= AllValid(count, ref _validity);
                validity[i >> 3] &= (byte)~(1 << (i & 7));
                nulls++;
            }
        }

        var buffers = new[] { validity is null ? ArrowBuffer.Empty : new ArrowBuffer(validity.AsMemory(0, (count + 7) / 8)), new ArrowBuffer(bytes.AsMemory(0, size)) };
        return ArrowArrayFactory.BuildArray(new ArrayData(_type, count, nulls, 0, buffers));
    }

    public override int ValueSize => System.Runtime.CompilerServices.Unsafe.SizeOf<TProp>();

    public override Array Allocate(int length) =>
        Identity && !AllowsNull ? BulkArrays.Allocate<TStore>(length) : GC.AllocateUninitializedArray<TProp>(length);

    public override void ReadInto(IArrowArray array, Array destination, int offset, long firstRow, string location)
    {
        var values = ((PrimitiveArray<TStore>)array).Values;
        var count = array.Length;
        if (Identity && array.NullCount == 0 && array.Data.DataType.TypeId == _type.TypeId)
        {
            values.CopyTo(((TStore[])destination).AsSpan(offset, count));
            return;
        }

        var result = ((TProp[])destination).AsSpan(offset, count);

        var fileType = array.Data.DataType;
        for (var i = 0; i < count; i++)
        {
            if (array.IsNull(i))
            {
                result[i] = _readsNull ? _nullValue! : throw RowError(location, firstRow + i, $"a null value, but {TypeName} is not nullable.");
                continue;
            }

            try
            {
                result[i] = _fromStore(values[i], fileType);
            }
            catch (ArgumentException e)
            {
                throw RowError(location, firstRow + i, e.Message);
            }
        }
    }

    private static byte[] AllValid(int count, ref byte[]? kept)
    {
        var length = (count + 7) / 8;
        var bits = kept is { } buffer && buffer.Length >= length ? buffer : kept = new byte[length];
        bits.AsSpan(0, length).Fill(0xFF);
        return bits;
    }
}
