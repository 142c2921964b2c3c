using Parquet;
using Parquet.Schema;

namespace GoKart.Parquet;

/// <summary>
/// A <c>DateTime</c> (or <c>DateTime?</c>) property as a TIMESTAMP column. Reads go through Parquet.Net's timestamps
/// (any unit, with the conversions of the column it wraps). Writes hand Parquet.Net the int64 counts themselves, through an
/// INT64 field of the same name: Parquet.Net 6.1 checks a written field against the schema by name only, and computes
/// the column's min/max statistics from the values it is given. Given <c>DateTime</c>s, it would write statistics in
/// milliseconds whatever the column's unit, and readers that skip row groups by statistics (DuckDB) drop rows.
/// </summary>
internal sealed class TimestampColumn<TProp> : ParquetColumn
{
    private readonly ParquetColumn _read;
    private readonly DataField _int64;
    private readonly Func<TProp, long?> _toCount;

    // toCount: The value as a count of the column's unit since the Unix epoch, null for null; throws ArgumentException for a value the column cannot hold.
    public TimestampColumn(ParquetColumn read, Func<TProp, long?> toCount)
        : base(read.Name, read.TypeName, read.AllowsNull, read.Field)
    {
        _read = read;
        _toCount = toCount;
        _int64 = new DataField<long>(read.Name, read.Field.IsNullable);

        // Attached to a schema of its own so that it has the definition levels of the real field (same name, same nullability).
        _ = new ParquetSchema(_int64);
    }

    public override bool Accepts(DataField fileField) => _read.Accepts(fileField);

    public override Array Allocate(int length) => _read.Allocate(length);

    public override Task<Array> ReadAsync(ParquetRowGroupReader reader, DataField fileField, int count, long firstRow, string location, CancellationToken cancellationToken) =>
        _read.ReadAsync(reader, fileField, count, firstRow, location, cancellationToken);

    public override Task ReadIntoAsync(ParquetRowGroupReader reader, DataField fileField, Array destination, int offset, int count, long firstRow, string location, CancellationToken cancellationToken) =>
        _read.ReadIntoAsync(reader, fileField, destination, offset, count, firstRow, location, cancellationToken);

    public override async Task WriteAsync(ParquetRowGroupWriter writer, Array values, int count, long firstRow, string location, CancellationToken cancellationToken)
    {
        var typed = (TProp[])values;
        if (_int64.IsNullable)
        {
            var counts = new long?[count];
            for (var i = 0; i < count; i++)
            {
                counts[i] = Convert(typed[i], firstRow + i, location);
            }

            await writer.WriteAsync<long>(_int64, counts.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var counts = new long[count];
            for (var i = 0; i < count; i++)
            {
                counts[i] = Convert(typed[i], firstRow + i, location) ?? throw RowError(location, firstRow + i, $"null, but {TypeName} is not nullable.");
            }

            await writer.WriteAsync<long>(_int64, counts.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private long? Convert(TProp value, long row, string location)
    {
        try
        {
            return _toCount(value);
        }
        catch (ArgumentException e)
        {
            throw RowError(location, row, e.Message);
        }
    }
}
