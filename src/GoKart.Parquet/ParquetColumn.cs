using Parquet;
using Parquet.Schema;

namespace GoKart.Parquet;

/// <summary>
/// One record property as a parquet column: its schema field, and the code that turns a row group's array of
/// property values (<c>TProp[]</c>) into a column and back. Made once per record type and load or dump.
/// </summary>
internal abstract class ParquetColumn
{
    protected ParquetColumn(string name, string typeName, bool allowsNull, DataField field)
    {
        Name = name;
        TypeName = typeName;
        AllowsNull = allowsNull;
        Field = field;
    }

    public string Name { get; }

    /// <summary>The property's type as errors show it (<c>Int32</c>, <c>String?</c>).</summary>
    public string TypeName { get; }

    public bool AllowsNull { get; }

    public DataField Field { get; }

    /// <summary>Writes <paramref name="count"/> values of <paramref name="values"/> (a <c>TProp[]</c>); rows are numbered from <paramref name="firstRow"/> in errors.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter writer, Array values, int count, long firstRow, string location, CancellationToken cancellationToken);

    /// <summary>Reads the row group's column <paramref name="fileField"/> as a <c>TProp[]</c>.</summary>
    public abstract Task<Array> ReadAsync(ParquetRowGroupReader reader, DataField fileField, int count, long firstRow, string location, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the row group's column <paramref name="fileField"/> into <paramref name="destination"/> (from <see cref="Allocate"/>)
    /// at <paramref name="offset"/>: straight into it where the file holds the property's own type, else through
    /// <see cref="ReadAsync"/> and a copy.
    /// </summary>
    public virtual async Task ReadIntoAsync(ParquetRowGroupReader reader, DataField fileField, Array destination, int offset, int count, long firstRow, string location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var values = await ReadAsync(reader, fileField, count, firstRow, location, cancellationToken).ConfigureAwait(false);
        Array.Copy(values, 0, destination, offset, count);
    }

    /// <summary>A <c>TProp[]</c> of <paramref name="length"/> rows for <see cref="ReadIntoAsync"/>; its elements may be uninitialised until read.</summary>
    public abstract Array Allocate(int length);

    /// <summary>Whether the file's column can be read into this property, checked before any row is read.</summary>
    public abstract bool Accepts(DataField fileField);

    protected static string FileTypeName(DataField field) =>
        field.ClrType == typeof(ReadOnlyMemory<char>) ? "String" : field.ClrType.Name;

    protected InvalidDataException RowError(string location, long row, string message) =>
        new($"{location}: row {row + 1}, column '{Name}': {message}");
}
