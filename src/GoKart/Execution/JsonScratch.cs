using System.Buffers;
using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GoKart.Formats.Json;

namespace GoKart.Execution;

/// <summary>
/// One reusable buffer for the run logs, and the few JSON calls they need, written as <see cref="Utf8JsonWriter"/>
/// writes them (indented, <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>). Only the log writer's single
/// pump uses it, so it needs no locking.
/// </summary>
/// <remarks>
/// Written by hand because every string a <see cref="Utf8JsonWriter"/> writes, names included, goes through its
/// encoder, and the first encoder of a process builds code-point tables: a few milliseconds of a fresh process's first
/// build (issue 18, start-up) for logs whose strings are nearly always plain ASCII. A string that needs escaping is
/// escaped by a real <see cref="Utf8JsonWriter"/> with that encoder, made on first need, so the bytes are the same.
/// The buffer is a plain array rather than an <c>ArrayBufferWriter</c>, whose methods a fresh process JIT-compiles.
/// </remarks>
internal sealed class JsonScratch : IDisposable
{
    private static readonly byte[] NewLine = System.Text.Encoding.UTF8.GetBytes(Environment.NewLine);

    private byte[] _bytes = new byte[1024];
    private int _length;
    private Escaper? _escaper;
    private int _depth;
    private bool _empty;

    /// <summary>Starts a new document (an object); the members follow.</summary>
    public JsonScratch Start()
    {
        _length = 0;
        _depth = 0;
        Open((byte)'{');
        return this;
    }

    /// <summary>Closes the document; the bytes are valid until the next <see cref="Start"/>.</summary>
    public ReadOnlyMemory<byte> Finish()
    {
        WriteEnd((byte)'}');
        return _bytes.AsMemory(0, _length);
    }

    public void WriteString(string name, string? value)
    {
        Name(name);
        if (value is null)
        {
            Raw("null"u8);
        }
        else
        {
            Text(value);
        }
    }

    public void WriteNumber(string name, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"'{name}' is not a finite number, which JSON cannot hold.", nameof(value));
        }

        Name(name);
        // The formatting Utf8JsonWriter uses: the shortest text that reads back as the same double. (It asks for the
        // invariant culture, which loads ICU in a fresh process: see WriteSeconds for the common case without it.)
        Utf8Formatter.TryFormat(value, Reserve(128), out var written);
        _length += written;
    }

    /// <summary>
    /// Writes <paramref name="elapsed"/>'s <see cref="TimeSpan.TotalSeconds"/> as <see cref="WriteNumber(string, double)"/>
    /// would, without a culture when it can: for 1000 ticks (0.1 ms) up to 10^15 ticks the double is
    /// <c>ticks / 10^7</c> correctly rounded, and its shortest round-trip text is that decimal itself (at most 15
    /// significant digits, which a double always tells apart), in fixed notation (exponent from -4 to 7).
    /// </summary>
    public void WriteSeconds(string name, TimeSpan elapsed)
    {
        var ticks = elapsed.Ticks;
        if (ticks is < 1000 or >= 1_000_000_000_000_000)
        {
            WriteNumber(name, elapsed.TotalSeconds);
            return;
        }

        Name(name);
        var whole = ticks / TimeSpan.TicksPerSecond;
        var fraction = ticks % TimeSpan.TicksPerSecond;
        Integer(whole);
        if (fraction != 0)
        {
            Span<byte> digits = stackalloc byte[7];
            var used = 7;
            for (var i = 6; i >= 0; i--)
            {
                digits[i] = (byte)('0' + (fraction % 10));
                fraction /= 10;
            }

            while (digits[used - 1] == '0')
            {
                used--;
            }

            Raw((byte)'.');
            Raw(digits[..used]);
        }
    }

    public void WriteNumber(string name, long value)
    {
        Name(name);
        Integer(value);
    }

    /// <summary>Starts an array member.</summary>
    public void WriteStartArray(string name)
    {
        Name(name);
        Open((byte)'[');
    }

    public void WriteEndArray() => WriteEnd((byte)']');

    /// <summary>Starts an object member.</summary>
    public void WriteStartObject(string name)
    {
        Name(name);
        Open((byte)'{');
    }

    /// <summary>Starts an object element of an array.</summary>
    public void WriteStartObject()
    {
        NextItem();
        Open((byte)'{');
    }

    public void WriteEndObject() => WriteEnd((byte)'}');

    public void Dispose() => _escaper?.Dispose();

    private void Name(string name)
    {
        NextItem();
        Text(name);
        Raw(": "u8);
    }

    /// <summary>The separator and indentation before a member or element.</summary>
    private void NextItem()
    {
        if (!_empty)
        {
            Raw((byte)',');
        }

        _empty = false;
        NewLineAndIndent();
    }

    private void Open(byte bracket)
    {
        Raw(bracket);
        _depth++;
        _empty = true;
    }

    private void WriteEnd(byte bracket)
    {
        _depth--;
        if (!_empty)
        {
            // A filled container closes on a new line at its own depth; an empty one right away, as "[]".
            NewLineAndIndent();
        }

        Raw(bracket);
        _empty = false;
    }

    private void Text(string text)
    {
        if (PlainJsonString.IsPlain(text, minimalEscaping: true))
        {
            _length += PlainJsonString.WriteQuoted(Reserve(text.Length + 2), text);
            return;
        }

        Raw((_escaper ??= new Escaper()).Escape(text));
    }

    /// <summary>A long in decimal, as Utf8JsonWriter writes it, by hand: no formatter, so no culture data.</summary>
    private void Integer(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        var start = digits.Length;
        var magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        do
        {
            digits[--start] = (byte)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        }
        while (magnitude > 0);

        if (value < 0)
        {
            Raw((byte)'-');
        }

        Raw(digits[start..]);
    }

    private void NewLineAndIndent()
    {
        Raw(NewLine);
        var span = Reserve(2 * _depth);
        for (var i = 0; i < 2 * _depth; i++)
        {
            span[i] = (byte)' ';
        }

        _length += 2 * _depth;
    }

    private void Raw(byte b)
    {
        Reserve(1)[0] = b;
        _length++;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    /// <summary>Room for <paramref name="count"/> more bytes after what is written (the caller advances).</summary>
    private Span<byte> Reserve(int count)
    {
        if (_bytes.Length - _length < count)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + count));
        }

        return _bytes.AsSpan(_length);
    }

    /// <summary>
    /// The encoder's escaping for the rare string that needs it, in a class of its own so that a run whose logs are
    /// plain never loads System.Text.Json or the encoder.
    /// </summary>
    private sealed class Escaper : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(256);
        private readonly Utf8JsonWriter _writer;

        public Escaper() =>
            _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

        /// <summary>The quoted, escaped string; valid until the next call.</summary>
        public ReadOnlySpan<byte> Escape(string text)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _writer.WriteStringValue(text);
            _writer.Flush();
            return _buffer.WrittenSpan;
        }

        public void Dispose() => _writer.Dispose();
    }
}
