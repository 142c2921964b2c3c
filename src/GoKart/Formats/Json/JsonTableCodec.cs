using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using GoKart.Formats.Tables;

namespace GoKart.Formats.Json;

/// <summary>Tables as newline-delimited JSON objects (<c>.ndjson</c>) or one JSON array of objects (<c>.json</c>).</summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class JsonTableCodec<TRecord> : ITableCodec
{
    private const int FlushThreshold = 1 << 20;
    private const int ParallelBlock = 8192;
    private readonly bool _lines;

    public JsonTableCodec(bool lines) => _lines = lines;

    public async ValueTask WriteAsync(Stream stream, object? value, FormatContext context, CancellationToken cancellationToken)
    {
        var shape = RecordShape<TRecord>.For(context.Location);
        var rows = TableTypes.Rows<TRecord>(value, context.Location);
        var output = Utf8Streams.View(stream, context.Target.Encoding);
        try
        {
            if (_lines && rows is IReadOnlyList<TRecord> list && list.Count >= 2 * ParallelBlock && Environment.ProcessorCount > 1)
            {
                await WriteLinesParallelAsync(output, list, shape, cancellationToken).ConfigureAwait(false);
                return;
            }

            var buffer = new ArrayBufferWriter<byte>(FlushThreshold + 65536);
            var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
            await using (writer.ConfigureAwait(false))
            {
                if (!_lines)
                {
                    writer.WriteStartArray();
                }

                var first = true;
                foreach (var record in rows)
                {
                    if (!_lines && !first)
                    {
                        writer.Flush();
                        Append(buffer, ",\n"u8);
                        writer.Reset();
                    }

                    first = false;
                    writer.WriteStartObject();
                    foreach (var column in shape.Columns)
                    {
                        column.WriteJson(writer, record);
                    }

                    writer.WriteEndObject();
                    writer.Flush();
                    if (_lines)
                    {
                        Append(buffer, "\n"u8);
                        writer.Reset();
                    }

                    if (buffer.WrittenCount >= FlushThreshold)
                    {
                        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                        buffer.ResetWrittenCount();
                    }
                }

                writer.Flush();
                if (!_lines)
                {
                    Append(buffer, "]\n"u8);
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

    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var reader = new JsonRecordReader<TRecord>(RecordShape<TRecord>.For(context.Location), context.Location, TableFormatOptions.From(context).StrictColumns);
        var rows = new List<TRecord>();
        var input = Utf8Streams.View(stream, context.Target.Encoding);
        try
        {
            if (_lines)
            {
                await JsonLines.ReadAsync(input, reader, rows, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await JsonLines.ReadArrayAsync(input, reader, rows, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException e)
        {
            throw reader.Error($"not valid JSON (truncated or corrupt?): {e.Message}");
        }
        finally
        {
            if (!ReferenceEquals(input, stream))
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }

        return TableTypes.Materialize(rows, type);
    }

    /// <summary>Blocks of lines are formatted on every core and written in order (as CSV does).</summary>
    private static async ValueTask WriteLinesParallelAsync(Stream output, IReadOnlyList<TRecord> rows, RecordShape<TRecord> shape, CancellationToken cancellationToken)
    {
        var inFlight = Environment.ProcessorCount * 2;
        var buffers = Enumerable.Range(0, inFlight).Select(_ => new ArrayBufferWriter<byte>(FlushThreshold)).ToArray();
        for (var first = 0; first < rows.Count; first += inFlight * ParallelBlock)
        {
            var batchStart = first;
            var blocks = Math.Min(inFlight, (rows.Count - batchStart + ParallelBlock - 1) / ParallelBlock);
            try
            {
                Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, k =>
                {
                    var buffer = buffers[k];
                    using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
                    var start = batchStart + (k * ParallelBlock);
                    for (var i = start; i < Math.Min(rows.Count, start + ParallelBlock); i++)
                    {
                        writer.WriteStartObject();
                        foreach (var column in shape.Columns)
                        {
                            column.WriteJson(writer, rows[i]);
                        }

                        writer.WriteEndObject();
                        writer.Flush();
                        Append(buffer, "\n"u8);
                        writer.Reset();
                    }
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }

            for (var k = 0; k < blocks; k++)
            {
                await output.WriteAsync(buffers[k].WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffers[k].ResetWrittenCount();
            }
        }
    }

    private static void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }
}
