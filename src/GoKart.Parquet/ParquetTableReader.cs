using GoKart.Formats;
using GoKart.Formats.Tables;
using Parquet;
using Parquet.Schema;

namespace GoKart.Parquet;

/// <summary>
/// Reads a parquet file's row groups into column arrays (one <c>TProp[]</c> per record property, the layout the npz
/// loads use), after checking the columns against <typeparamref name="TRecord"/> and the row counts against each other.
/// </summary>
internal sealed class ParquetTableReader<TRecord> : IAsyncDisposable
{
    private readonly ParquetReader _reader;
    private readonly ParquetColumn[] _columns;
    private readonly DataField?[] _fields;
    private readonly string _location;

    private ParquetTableReader(ParquetReader reader, ParquetColumn[] columns, DataField?[] fields, long rowCount, string location)
    {
        _reader = reader;
        _columns = columns;
        _fields = fields;
        RowCount = rowCount;
        _location = location;
    }

    /// <summary>The number of rows of the file (the footer's, checked against its row groups').</summary>
    public long RowCount { get; }

    public int GroupCount => _reader.RowGroupCount;

    /// <param name="stream">The file, seekable.</param>
    /// <param name="context">The target's options and location.</param>
    /// <param name="rowStream">Whether the rows are streamed (one row group in memory at a time), which keeps fewer idle buffers.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public static async ValueTask<ParquetTableReader<TRecord>> OpenAsync(Stream stream, FormatContext context, bool rowStream, CancellationToken cancellationToken)
    {
        var location = context.Location;
        var options = ParquetFormatOptions.From(context);
        var shape = RecordShape<TRecord>.For(location);
        var columns = ParquetTableCodec<TRecord>.Columns(shape, location);
        var reader = await ParquetTableCodec<TRecord>.Guard(location, () => ParquetReader.CreateAsync(stream, ParquetTableCodec<TRecord>.ReadOptions(rowStream), true, cancellationToken)).ConfigureAwait(false);
        try
        {
            var fields = ParquetTableCodec<TRecord>.Match(shape, columns, reader.Schema, options.StrictColumns, location);
            long groupRows = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                groupRows += reader.RowGroups[g].RowCount;
            }

            var footerRows = reader.Metadata?.NumRows ?? groupRows;
            if (footerRows != groupRows)
            {
                throw new InvalidDataException(
                    $"{location}: not a readable parquet file (truncated or corrupt?): the footer says {footerRows} rows but its {reader.RowGroupCount} row group(s) hold {groupRows}.");
            }

            if (groupRows > Array.MaxLength)
            {
                throw new InvalidDataException($"{location}: {groupRows} rows are more than a table in memory can hold; load it as a row stream.");
            }

            return new ParquetTableReader<TRecord>(reader, columns, fields, groupRows, location);
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public int GroupRows(int group) => checked((int)_reader.RowGroups[group].RowCount);

    /// <summary>One array per record property, <paramref name="length"/> rows long; null where the file lacks the column.</summary>
    public Array?[] Allocate(int length)
    {
        var arrays = new Array?[_columns.Length];
        for (var j = 0; j < _columns.Length; j++)
        {
            arrays[j] = _fields[j] is null ? null : _columns[j].Allocate(length);
        }

        return arrays;
    }

    /// <summary>Reads row group <paramref name="group"/> into <paramref name="arrays"/> from element <paramref name="offset"/>; rows are numbered from <paramref name="firstRow"/> in errors.</summary>
    public async ValueTask ReadGroupAsync(int group, Array?[] arrays, int offset, long firstRow, CancellationToken cancellationToken)
    {
        var rowGroup = _reader.RowGroups[group];
        var count = GroupRows(group);
        for (var j = 0; j < _columns.Length; j++)
        {
            if (_fields[j] is not { } field)
            {
                continue;
            }

            // A column chunk with fewer values than its row group claims would leave rows unread, silently.
            var values = rowGroup.GetMetadata(field)?.MetaData?.NumValues;
            if (values != count)
            {
                throw new InvalidDataException(
                    $"{_location}: not a readable parquet file (truncated or corrupt?): row group {group + 1} has {count} rows but its column '{_columns[j].Name}' holds {values?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} values.");
            }

            var column = _columns[j];
            var destination = arrays[j]!;
            await ParquetTableCodec<TRecord>.Guard(_location, async () =>
            {
                await column.ReadIntoAsync(rowGroup, field, destination, offset, count, firstRow, _location, cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
