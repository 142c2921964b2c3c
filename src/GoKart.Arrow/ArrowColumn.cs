using Apache.Arrow;
using Array = System.Array;
using Apache.Arrow.Types;

namespace GoKart.Arrow;

/// <summary>
/// One record property as an Arrow column: its field, and the code that turns a batch's array of property values
/// (<c>TProp[]</c>) into an Arrow array and back. Made once per record type and load or dump.
/// </summary>
internal abstract class ArrowColumn
{
    protected ArrowColumn(string name, string typeName, bool allowsNull, IArrowType type)
    {
        Name = name;
        TypeName = typeName;
        AllowsNull = allowsNull;
        Field = new Field(name, type, allowsNull);
    }

    public string Name { get; }

    /// <summary>The property's type as errors show it (<c>Int32</c>, <c>String?</c>).</summary>
    public string TypeName { get; }

    public bool AllowsNull { get; }

    public Field Field { get; }

    /// <summary>An Arrow array of the first <paramref name="count"/> values of <paramref name="values"/> (a <c>TProp[]</c>); it may share a buffer with the next call's array, so write it before building the next.</summary>
    public abstract IArrowArray Build(Array values, int count, long firstRow, string location);

    /// <summary>The size of one value in memory, for estimating a load's destination arrays.</summary>
    public abstract int ValueSize { get; }

    /// <summary>A <c>TProp[]</c> of <paramref name="length"/> elements to read into; large ones are not zeroed, so every element must be written before it is read.</summary>
    public abstract Array Allocate(int length);

    /// <summary>Writes the values of <paramref name="array"/> into <paramref name="destination"/> (a <c>TProp[]</c>) from <paramref name="offset"/> on.</summary>
    public abstract void ReadInto(IArrowArray array, Array destination, int offset, long firstRow, string location);

    /// <summary>Whether a file column of <paramref name="type"/> can be read into this property, checked before any row.</summary>
    public abstract bool Accepts(IArrowType type);

    protected InvalidDataException RowError(string location, long row, string message) =>
        new($"{location}: row {row + 1}, column '{Name}': {message}");
}
