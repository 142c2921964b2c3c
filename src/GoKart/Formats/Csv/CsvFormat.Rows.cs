using System.Runtime.CompilerServices;
using GoKart.Formats.Csv;
using GoKart.Formats.Tables;

namespace GoKart.Formats;

/// <summary>Row streaming for CSV/TSV: a 64 KiB read buffer (grown only for a longer record), rows handed out as parsed.</summary>
public sealed partial class CsvFormat : IRowStreamFormat
{
    private const int StreamBufferSize = 1 << 16;
    private const int StreamChunk = 1024;

    /// <inheritdoc />
    public async IAsyncEnumerable<TRecord> ReadRowsAsync<TRecord>(Stream stream, FormatContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported($"The {Name} format");
        }

                ArgumentNullException.ThrowIfNull(context);
        var options = TableFormatOptions.From(context);
        var reader = new CsvRowReader<TRecord>(RecordShape<TRecord>.For(context.Location), StreamDelimiter(context), context.Location, options.StrictColumns);
        var input = Utf8Streams.View(stream, context.Target.Encoding);
        try
        {
            var buffer = new byte[StreamBufferSize];
            var filled = 0;
            var final = false;
            while (!final)
            {
                var read = await Utf8Streams.FillAsync(input, buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                filled += read;
                final = filled < buffer.Length;
                var consumed = reader.Parse(buffer.AsSpan(0, filled), final);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                foreach (var row in reader.Rows)
                {
                    yield return row;
                }

                reader.Rows.Clear();
            }

            if (!reader.HasHeader)
            {
                throw new InvalidDataException($"{context.Location}: the file is empty; a table needs at least its header line.");
            }
        }
        finally
        {
            if (!ReferenceEquals(input, stream))
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask WriteRowsAsync<TRecord>(Stream stream, IAsyncEnumerable<TRecord> rows, FormatContext context, CancellationToken cancellationToken)
    {
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported($"The {Name} format");
        }

                ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        var writer = new CsvRowWriter<TRecord>(RecordShape<TRecord>.For(context.Location).Columns, StreamDelimiter(context));
        var output = Utf8Streams.View(stream, context.Target.Encoding);
        try
        {
            writer.WriteHeader();
            var chunk = new TRecord[StreamChunk];
            var count = 0;
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                chunk[count++] = row;
                if (count == chunk.Length)
                {
                    writer.WriteRange(chunk, 0, count);
                    count = 0;
                    await output.WriteAsync(writer.Written, cancellationToken).ConfigureAwait(false);
                    writer.Clear();
                }
            }

            writer.WriteRange(chunk, 0, count);
            await output.WriteAsync(writer.Written, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!ReferenceEquals(output, stream))
            {
                await output.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private byte StreamDelimiter(FormatContext context)
    {
        var delimiter = TableFormatOptions.From(context).Delimiter ?? _delimiter;
        return delimiter is > (char)127 or '"' or '\n' or '\r'
            ? throw new NotSupportedException($"{context.Location}: '{delimiter}' cannot be a CSV delimiter (ASCII, not a quote or newline).")
            : (byte)delimiter;
    }
}
