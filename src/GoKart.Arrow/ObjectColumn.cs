using Apache.Arrow;
using Array = System.Array;
using Apache.Arrow.Types;

namespace GoKart.Arrow;

/// <summary>
/// A property stored through an Arrow builder: strings (string, char, enums by name, Guid as text), booleans and
/// decimals. <typeparamref name="TCell"/> is what the Arrow array holds per row (string, bool, decimal).
/// </summary>
internal sealed class ObjectColumn<TProp, TCell> : ArrowColumn
{
    private readonly Func<TProp, (bool Present, TCell Cell)> _toCell;
    private readonly Func<TCell, TProp> _fromCell;
    private readonly Func<int, IArrowArrayBuilderOf<TCell>> _builder;
    private readonly Func<IArrowArray, int, (bool Present, TCell Cell)> _cell;
    private readonly Func<IArrowType, bool> _accepts;

    // fromCell throws FormatException or ArgumentException for a cell the property cannot hold.
    public ObjectColumn(
        string name, string typeName, bool allowsNull, IArrowType type, Func<TProp, (bool, TCell)> toCell, Func<TCell, TProp> fromCell,
        Func<int, IArrowArrayBuilderOf<TCell>> builder, Func<IArrowArray, int, (bool, TCell)> cell, Func<IArrowType, bool> accepts)
        : base(name, typeName, allowsNull, type)
    {
        _toCell = toCell;
        _fromCell = fromCell;
        _builder = builder;
        _cell = cell;
        _accepts = accepts;
    }

    public override bool Accepts(IArrowType type) => _accepts(type);

    public override IArrowArray Build(Array values, int count, long firstRow, string location)
    {
        var typed = (TProp[])values;
        var builder = _builder(count);
        for (var i = 0; i < count; i++)
        {
            var (present, cell) = _toCell(typed[i]);
            if (present)
            {
                builder.Append(cell);
            }
            else if (AllowsNull)
            {
                builder.AppendNull();
            }
            else
            {
                throw RowError(location, firstRow + i, $"null, but {TypeName} is not nullable.");
            }
        }

        return builder.Build();
    }

    public override int ValueSize => typeof(TProp).IsValueType ? System.Runtime.CompilerServices.Unsafe.SizeOf<TProp>() : IntPtr.Size;

    public override Array Allocate(int length) => new TProp[length];

    public override void ReadInto(IArrowArray array, Array destination, int offset, long firstRow, string location)
    {
        var result = ((TProp[])destination).AsSpan(offset, array.Length);
        for (var i = 0; i < result.Length; i++)
        {
            var (present, cell) = _cell(array, i);
            if (!present)
            {
                result[i] = AllowsNull ? default! : throw RowError(location, firstRow + i, $"a null value, but {TypeName} is not nullable.");
                continue;
            }

            try
            {
                result[i] = _fromCell(cell);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                throw RowError(location, firstRow + i, $"'{cell}' is not a valid {TypeName}.");
            }
        }
    }
}

/// <summary>The part of an Arrow builder <see cref="ObjectColumn{TProp, TCell}"/> needs.</summary>
internal interface IArrowArrayBuilderOf<in TCell>
{
    void Append(TCell cell);

    void AppendNull();

    IArrowArray Build();
}

/// <summary>Adapters over Arrow's string, boolean and decimal builders.</summary>
internal static class CellBuilders
{
    public static IArrowArrayBuilderOf<string> Strings(int capacity) => new StringCells(capacity);

    public static IArrowArrayBuilderOf<bool> Booleans(int capacity) => new BooleanCells(capacity);

    public static IArrowArrayBuilderOf<decimal> Decimals(Decimal128Type type, int capacity) => new DecimalCells(type, capacity);

    private sealed class StringCells(int capacity) : IArrowArrayBuilderOf<string>
    {
        private readonly StringArray.Builder _builder = new StringArray.Builder().Reserve(capacity);

        public void Append(string cell) => _builder.Append(cell);

        public void AppendNull() => _builder.AppendNull();

        public IArrowArray Build() => _builder.Build();
    }

    private sealed class BooleanCells(int capacity) : IArrowArrayBuilderOf<bool>
    {
        private readonly BooleanArray.Builder _builder = new BooleanArray.Builder().Reserve(capacity);

        public void Append(bool cell) => _builder.Append(cell);

        public void AppendNull() => _builder.AppendNull();

        public IArrowArray Build() => _builder.Build();
    }

    private sealed class DecimalCells(Decimal128Type type, int capacity) : IArrowArrayBuilderOf<decimal>
    {
        private readonly Decimal128Array.Builder _builder = new Decimal128Array.Builder(type).Reserve(capacity);

        public void Append(decimal cell) => _builder.Append(cell);

        public void AppendNull() => _builder.AppendNull();

        public IArrowArray Build() => _builder.Build();
    }
}
