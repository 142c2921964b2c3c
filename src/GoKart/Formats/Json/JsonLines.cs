using System.Text.Json;
using GoKart.Formats.Tables;

namespace GoKart.Formats.Json;

/// <summary>The buffered loops that feed JSON objects to a <see cref="JsonRecordReader{TRecord}"/>.</summary>
internal static class JsonLines
{
    public static async ValueTask ReadAsync<TRecord>(Stream input, JsonRecordReader<TRecord> reader, List<TRecord> rows, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        var filled = 0;
        var final = false;
        while (!final)
        {
            filled += await Utf8Streams.FillAsync(input, buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            final = filled < buffer.Length;
            var consumed = TryParseParallel(buffer, filled, reader, rows, out var parallel) ? parallel : ParseLines(buffer.AsSpan(0, filled), final, reader, rows);
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    /// <summary>
    /// Reads a JSON array of objects through a buffer that holds a few objects at a time, so the file is never held
    /// whole. An object cut by the buffer's end is re-read from its start once the buffer is refilled (or grown).
    /// </summary>
    public static async ValueTask ReadArrayAsync<TRecord>(Stream input, JsonRecordReader<TRecord> reader, List<TRecord> rows, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        var filled = 0;
        var state = default(JsonReaderState);
        var phase = ArrayPhase.Start;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            filled += await Utf8Streams.FillAsync(input, buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            var final = filled < buffer.Length;
            var consumed = ParseArrayBlock(buffer.AsSpan(0, filled), final, ref state, ref phase, reader, rows);
            if (final)
            {
                if (phase != ArrayPhase.Done)
                {
                    throw reader.Error("the array is not closed (truncated?)");
                }

                return;
            }

            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }
    }

    private enum ArrayPhase
    {
        Start,
        Items,
        Done,
    }

    private static int ParseArrayBlock<TRecord>(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref ArrayPhase phase, JsonRecordReader<TRecord> reader, List<TRecord> rows)
    {
        var json = new Utf8JsonReader(data, final, state);
        while (true)
        {
            var before = json.CurrentState;
            var beforeAt = (int)json.BytesConsumed;
            if (!json.Read())
            {
                state = json.CurrentState;
                return (int)json.BytesConsumed;
            }

            switch (phase)
            {
                case ArrayPhase.Start when json.TokenType == JsonTokenType.StartArray:
                    phase = ArrayPhase.Items;
                    break;
                case ArrayPhase.Start:
                    throw reader.Error("a JSON table is an array of objects, and this file does not start with '['");
                case ArrayPhase.Items when json.TokenType == JsonTokenType.EndArray:
                    phase = ArrayPhase.Done;
                    break;
                case ArrayPhase.Items when json.TokenType == JsonTokenType.StartObject:
                    try
                    {
                        rows.Add(reader.ReadObject(ref json));
                    }
                    catch (IncompleteJsonObjectException)
                    {
                        // Once per buffer: cheaper than scanning every object twice to see whether it is whole.
                        state = before;
                        return beforeAt;
                    }

                    break;
                default:
                    throw reader.Error($"a JSON table holds objects, found {json.TokenType}");
            }
        }
    }

    /// <summary>
    /// Lines are independent JSON values, so a large buffer's complete lines are parsed on every core and appended in
    /// order; any error falls back to the sequential parse, which reports the exact row.
    /// </summary>
    private static bool TryParseParallel<TRecord>(byte[] buffer, int filled, JsonRecordReader<TRecord> reader, List<TRecord> rows, out int consumed)
    {
        consumed = 0;
        var data = buffer.AsSpan(0, filled);
        var last = data.LastIndexOf((byte)'\n');
        var segments = Environment.ProcessorCount;
        if (segments < 2 || last < 1 << 18)
        {
            return false;
        }

        var bounds = LineBlocks.Split(data, last, segments);

        var parts = new List<TRecord>[segments];
        try
        {
            Parallel.For(0, segments, s =>
            {
                parts[s] = [];
                ParseLines(buffer.AsSpan(bounds[s], bounds[s + 1] - bounds[s]), true, reader.Fork(), parts[s]);
            });
        }
        catch (AggregateException)
        {
            return false;
        }

        foreach (var part in parts)
        {
            rows.AddRange(part);
            reader.Absorb(part.Count);
        }

        consumed = last + 1;
        return true;
    }

    internal static int ParseLines<TRecord>(ReadOnlySpan<byte> data, bool final, JsonRecordReader<TRecord> reader, List<TRecord> rows)
    {
        var pos = 0;
        while (pos < data.Length)
        {
            var end = data[pos..].IndexOf((byte)'\n');
            if (end < 0 && !final)
            {
                return pos;
            }

            var line = end < 0 ? data[pos..] : data.Slice(pos, end);
            pos = end < 0 ? data.Length : pos + end + 1;
            if (line.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            var json = new Utf8JsonReader(line, isFinalBlock: true, default);
            json.Read();
            rows.Add(reader.ReadObject(ref json));
            if (json.Read())
            {
                throw reader.Error("more than one JSON value on the line");
            }
        }

        return pos;
    }
}
