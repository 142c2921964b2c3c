using GoKart.Formats;
using GoKart.Formats.Tables;
using Parquet;
using Parquet.Schema;

namespace GoKart.Parquet;

/// <summary>
/// Takes rows one at a time into column arrays and writes a row group each time they are full, so a dump holds one
/// row group in memory whatever the number of rows. Disposing it without <see cref="CompleteAsync"/> leaves a file the
/// caller must discard (a failed dump's output never becomes visible).
/// </summary>
internal sealed class ParquetGroupWriter<TRecord> : IAsyncDisposable
{
    private readonly ParquetWriter _writer;
    private readonly ParquetColumn[] _columns;
    private readonly Array[] _arrays;
    private readonly Action<TRecord, Array[], int> _store;
    private readonly string _location;
    private readonly CancellationToken _cancellationToken;
    private readonly int _capacity;
    private long _written;
    private int _filled;

    private ParquetGroupWriter(ParquetWriter writer, ParquetColumn[] columns, Array[] arrays, Action<TRecord, Array[], int> store, string location, CancellationToken cancellationToken)
    {
        _writer = writer;
        _columns = columns;
        _arrays = arrays;
        _capacity = arrays.Length > 0 ? arrays[0].Length : 1;
        _store = store;
        _location = location;
        _cancellationToken = cancellationToken;
    }

    /// <param name="stream">Where the file goes.</param>
    /// <param name="count">The number of rows when known (a smaller first row group is then allocated).</param>
    /// <param name="context">The target's options and location.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    public static async ValueTask<ParquetGroupWriter<TRecord>> CreateAsync(Stream stream, int? count, FormatContext context, CancellationToken cancellationToken)
    {
        var location = context.Location;
        var options = ParquetFormatOptions.From(context);
        options.Validate(location);
        var shape = RecordShape<TRecord>.For(location);
        var columns = ParquetTableCodec<TRecord>.Columns(shape, location);
        var parquetOptions = new ParquetOptions
        {
            CompressionMethod = options.Compression switch
            {
                ParquetCompression.Gzip => CompressionMethod.Gzip,
                ParquetCompression.Zstd => CompressionMethod.Zstd,
                ParquetCompression.None => CompressionMethod.None,
                _ => CompressionMethod.Snappy,
            },
            CompressionLevel = System.IO.Compression.CompressionLevel.Optimal,
        };
        ParquetTableCodec<TRecord>.LimitPools(parquetOptions, count is null);
        var capacity = count is { } known ? Math.Min(options.RowsPerGroup(count), Math.Max(known, 1)) : options.RowsPerGroup(null);
        var arrays = shape.Columns.Select(c => Array.CreateInstance(c.ValueType, capacity)).ToArray();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field)), stream, parquetOptions, false, cancellationToken).ConfigureAwait(false);
        return new ParquetGroupWriter<TRecord>(writer, columns, arrays, shape.Columnar.Store, location, cancellationToken);
    }

    public ValueTask AddAsync(TRecord row)
    {
        _store(row, _arrays, _filled++);
        return _filled == _capacity ? FlushAsync() : ValueTask.CompletedTask;
    }

    /// <summary>Writes the last row group (an empty one for an empty table, so the schema is there).</summary>
    public async ValueTask CompleteAsync()
    {
        if (_filled > 0 || _written == 0)
        {
            await FlushAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async ValueTask FlushAsync()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        using (var group = _writer.CreateRowGroup())
        {
            for (var j = 0; j < _columns.Length; j++)
            {
                await _columns[j].WriteAsync(group, _arrays[j], _filled, _written, _location, _cancellationToken).ConfigureAwait(false);
            }
        }

        _written += _filled;
        _filled = 0;
    }
}
