using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GoKart.Formats.Json;
using GoKart.Formats.Tables;

namespace GoKart.Formats;

/// <summary>Row streaming for NDJSON: a 64 KiB read buffer (grown only for a longer line), one object per line.</summary>
public sealed partial class NdjsonFormat : IRowStreamFormat
{
    private const int StreamBufferSize = 1 << 16;

    /// <inheritdoc />
    public async IAsyncEnumerable<TRecord> ReadRowsAsync<TRecord>(Stream stream, FormatContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported("The ndjson format");
        }

                ArgumentNullException.ThrowIfNull(context);
        var reader = new JsonRecordReader<TRecord>(RecordShape<TRecord>.For(context.Location), context.Location, TableFormatOptions.From(context).StrictColumns);
        var input = Utf8Streams.View(stream, context.Target.Encoding);
        try
        {
            var rows = new List<TRecord>();
            var buffer = new byte[StreamBufferSize];
            var filled = 0;
            var final = false;
            while (!final)
            {
                var read = await Utf8Streams.FillAsync(input, buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                filled += read;
                final = filled < buffer.Length;
                int consumed;
                try
                {
                    consumed = JsonLines.ParseLines(buffer.AsSpan(0, filled), final, reader, rows);
                }
                catch (JsonException e)
                {
                    throw reader.Error($"not valid JSON (truncated or corrupt?): {e.Message}");
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                foreach (var row in rows)
                {
                    yield return row;
                }

                rows.Clear();
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
            throw DynamicCode.NotSupported("The ndjson format");
        }

                ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        var columns = RecordShape<TRecord>.For(context.Location).Columns;
        var output = Utf8Streams.View(stream, context.Target.Encoding);
        try
        {
            var buffer = new ArrayBufferWriter<byte>(StreamBufferSize * 2);
            var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
            await using (writer.ConfigureAwait(false))
            {
                await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    writer.WriteStartObject();
                    foreach (var column in columns)
                    {
                        column.WriteJson(writer, row);
                    }

                    writer.WriteEndObject();
                    writer.Flush();
                    "\n"u8.CopyTo(buffer.GetSpan(1));
                    buffer.Advance(1);
                    writer.Reset();
                    if (buffer.WrittenCount >= StreamBufferSize)
                    {
                        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                        buffer.ResetWrittenCount();
                    }
                }

                await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (!ReferenceEquals(output, stream))
            {
                await output.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
