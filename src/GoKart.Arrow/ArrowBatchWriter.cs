using Apache.Arrow;
using Apache.Arrow.Ipc;
using GoKart.Formats;
using GoKart.Formats.Tables;
using Array = System.Array;

namespace GoKart.Arrow;

/// <summary>
/// Takes rows one at a time into column arrays and writes a record batch each time they are full, so a dump holds one
/// batch in memory whatever the number of rows. Disposing it without <see cref="CompleteAsync"/> leaves a file without
/// its footer, which the caller discards (a failed dump's output never becomes visible).
/// </summary>
internal sealed class ArrowBatchWriter<TRecord> : IDisposable
{
    private readonly ArrowFileWriter _writer;
    private readonly Schema _schema;
    private readonly ArrowColumn[] _columns;
    private readonly Array[] _arrays;
    private readonly Action<TRecord, Array[], int> _store;
    private readonly string _location;
    private readonly CancellationToken _cancellationToken;
    private readonly int _capacity;
    private long _written;
    private int _filled;

    private ArrowBatchWriter(ArrowFileWriter writer, Schema schema, ArrowColumn[] columns, Array[] arrays, Action<TRecord, Array[], int> store, string location, CancellationToken cancellationToken)
    {
        _writer = writer;
        _schema = schema;
        _columns = columns;
        _arrays = arrays;
        _capacity = arrays.Length > 0 ? arrays[0].Length : 1;
        _store = store;
        _location = location;
        _cancellationToken = cancellationToken;
    }

    /// <param name="stream">Where the file goes.</param>
    /// <param name="count">The number of rows when known (a smaller batch is then allocated); unknown, the batches are a stream's.</param>
    /// <param name="context">The target's options and location.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    public static async ValueTask<ArrowBatchWriter<TRecord>> CreateAsync(Stream stream, int? count, FormatContext context, CancellationToken cancellationToken)
    {
        var location = context.Location;
        var options = ArrowFormatOptions.From(context);
        options.Validate(location);
        var shape = RecordShape<TRecord>.For(location);
        var columns = ArrowTableCodec<TRecord>.Columns(shape, location);
        var schema = new Schema(columns.Select(c => c.Field), null);
        var ipc = new IpcOptions
        {
            CompressionCodec = options.Compression switch
            {
                ArrowCompression.Lz4 => CompressionCodecType.Lz4Frame,
                ArrowCompression.Zstd => CompressionCodecType.Zstd,
                _ => null,
            },
            CompressionCodecFactory = new Apache.Arrow.Compression.CompressionCodecFactory(),
        };
        var capacity = count is { } known ? Math.Min(options.BatchSize, Math.Max(known, 1)) : options.StreamBatchSize;
        var arrays = shape.Columns.Select(c => Array.CreateInstance(c.ValueType, capacity)).ToArray();
        var writer = new ArrowFileWriter(stream, schema, leaveOpen: true, ipc);
        try
        {
            await writer.WriteStartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        return new ArrowBatchWriter<TRecord>(writer, schema, columns, arrays, shape.Columnar.Store, location, cancellationToken);
    }

    public ValueTask AddAsync(TRecord row)
    {
        _store(row, _arrays, _filled++);
        return _filled == _capacity ? FlushAsync() : ValueTask.CompletedTask;
    }

    /// <summary>Writes the last batch and the footer.</summary>
    public async ValueTask CompleteAsync()
    {
        if (_filled > 0)
        {
            await FlushAsync().ConfigureAwait(false);
        }

        await _writer.WriteEndAsync(_cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _writer.Dispose();

    private async ValueTask FlushAsync()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        // Disposed once written: builders' buffers (strings, booleans, decimals) go back at once, not at finalization.
        using var batch = new RecordBatch(_schema, _columns.Select((c, j) => c.Build(_arrays[j], _filled, _written, _location)), _filled);
        await _writer.WriteRecordBatchAsync(batch, _cancellationToken).ConfigureAwait(false);
        _written += _filled;
        _filled = 0;
    }
}
