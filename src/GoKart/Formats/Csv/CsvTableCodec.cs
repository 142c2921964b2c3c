using System.Diagnostics.CodeAnalysis;
using GoKart.Formats.Tables;

namespace GoKart.Formats.Csv;

/// <summary>CSV/TSV for one record type.</summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class CsvTableCodec<TRecord> : ITableCodec
{
    private const int ReadBufferSize = 1 << 20;
    private const int ParallelBlock = 8192;
    private const int ParallelParseMinimum = 1 << 18;
    private readonly char _defaultDelimiter;

    public CsvTableCodec(char defaultDelimiter) => _defaultDelimiter = defaultDelimiter;

    public async ValueTask WriteAsync(Stream stream, object? value, FormatContext context, CancellationToken cancellationToken)
    {
        var shape = RecordShape<TRecord>.For(context.Location);
        var rows = TableTypes.Rows<TRecord>(value, context.Location);
        var writer = new CsvRowWriter<TRecord>(shape.Columns, Delimiter(context));
        var output = Utf8Streams.View(stream, context.Target.Encoding);
        try
        {
            writer.WriteHeader();
            if (rows is IReadOnlyList<TRecord> list && list.Count >= 2 * ParallelBlock && Environment.ProcessorCount > 1)
            {
                await output.WriteAsync(writer.Written, cancellationToken).ConfigureAwait(false);
                await WriteParallelAsync(output, list, shape, Delimiter(context), cancellationToken).ConfigureAwait(false);
                return;
            }

            using var enumerator = rows.GetEnumerator();
            bool more;
            do
            {
                more = writer.Fill(enumerator);
                await output.WriteAsync(writer.Written, cancellationToken).ConfigureAwait(false);
                writer.Clear();
            }
            while (more);
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
        var options = TableFormatOptions.From(context);
        var reader = new CsvRowReader<TRecord>(RecordShape<TRecord>.For(context.Location), Delimiter(context), context.Location, options.StrictColumns);
        var input = Utf8Streams.View(stream, context.Target.Encoding);
        try
        {
            var buffer = new byte[ReadBufferSize];
            var filled = 0;
            var final = false;
            while (!final)
            {
                var read = await Utf8Streams.FillAsync(input, buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                filled += read;
                final = filled < buffer.Length;
                var consumed = TryParseParallel(reader, buffer, filled, out var parallel) ? parallel : reader.Parse(buffer.AsSpan(0, filled), final);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }

            if (!reader.HasHeader)
            {
                throw new InvalidDataException($"{context.Location}: the file is empty; a table needs at least its header line.");
            }

            return TableTypes.Materialize(reader.Rows, type);
        }
        finally
        {
            if (!ReferenceEquals(input, stream))
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Number formatting dominates CSV writing, so blocks of rows are formatted on every core and written in order;
    /// memory stays at one buffer per block in flight.
    /// </summary>
    private static async ValueTask WriteParallelAsync(Stream output, IReadOnlyList<TRecord> rows, RecordShape<TRecord> shape, byte delimiter, CancellationToken cancellationToken)
    {
        var inFlight = Environment.ProcessorCount * 2;
        var writers = Enumerable.Range(0, inFlight).Select(_ => new CsvRowWriter<TRecord>(shape.Columns, delimiter)).ToArray();
        for (var first = 0; first < rows.Count; first += inFlight * ParallelBlock)
        {
            var batchStart = first;
            var blocks = Math.Min(inFlight, (rows.Count - batchStart + ParallelBlock - 1) / ParallelBlock);
            try
            {
                Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, k =>
                {
                    var start = batchStart + (k * ParallelBlock);
                    writers[k].WriteRange(rows, start, Math.Min(rows.Count, start + ParallelBlock));
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // Surface the record's own error, as the sequential path does.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }

            for (var k = 0; k < blocks; k++)
            {
                await output.WriteAsync(writers[k].Written, cancellationToken).ConfigureAwait(false);
                writers[k].Clear();
            }
        }
    }

    /// <summary>
    /// Number parsing dominates CSV reading. A buffer without any quote splits safely at newlines, so its lines are
    /// parsed on every core and the rows appended in order. Any problem falls back to the sequential parse, which
    /// reports the exact row.
    /// </summary>
    private static bool TryParseParallel(CsvRowReader<TRecord> reader, byte[] buffer, int filled, out int consumed)
    {
        consumed = 0;
        var data = buffer.AsSpan(0, filled);
        var last = data.LastIndexOf((byte)'\n');
        var segments = Environment.ProcessorCount;
        if (!reader.HasHeader || segments < 2 || last < ParallelParseMinimum || data[..last].Contains((byte)'"'))
        {
            return false;
        }

        var bounds = LineBlocks.Split(data, last, segments);

        var forks = Enumerable.Range(0, segments).Select(_ => reader.Fork()).ToArray();
        try
        {
            Parallel.For(0, segments, s => forks[s].Parse(buffer.AsSpan(bounds[s], bounds[s + 1] - bounds[s]), isFinal: true));
        }
        catch (AggregateException)
        {
            return false;
        }

        foreach (var fork in forks)
        {
            reader.Absorb(fork);
        }

        consumed = last + 1;
        return true;
    }

    private byte Delimiter(FormatContext context)
    {
        var delimiter = TableFormatOptions.From(context).Delimiter ?? _defaultDelimiter;
        if (delimiter is > (char)127 or '"' or '\n' or '\r')
        {
            throw new NotSupportedException($"{context.Location}: '{delimiter}' cannot be a CSV delimiter (ASCII, not a quote or newline).");
        }

        return (byte)delimiter;
    }
}
