using System.Text;
using System.Text.Json;

namespace GoKart.Formats.Tables;

/// <summary>Strings as UTF-8; an empty CSV cell is null (for string? columns) and <c>""</c> is the empty string.</summary>
internal sealed class StringCodec : ValueCodec<string>
{
    public override bool MayNeedQuotes => true;

    public override bool TryFormat(string value, Span<byte> destination, out int written) =>
        Encoding.UTF8.TryGetBytes(value, destination, out written);

    public override bool TryParse(ReadOnlySpan<byte> text, out string value)
    {
        value = Encoding.UTF8.GetString(text);
        return true;
    }

    public override bool TryGetMissing(out string value)
    {
        value = null!;
        return true;
    }

    public override void WriteJson(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    public override bool TryReadJson(ref Utf8JsonReader reader, out string value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
        return true;
    }
}

/// <summary>Booleans as pandas writes them (<c>True</c>/<c>False</c>); reads true/false in any case and 1/0.</summary>
internal sealed class BooleanCodec : ValueCodec<bool>
{
    public override JsonValueKind JsonKind => JsonValueKind.True;

    public override bool TryFormat(bool value, Span<byte> destination, out int written)
    {
        var text = value ? "True"u8 : "False"u8;
        written = text.Length;
        return text.TryCopyTo(destination);
    }

    public override bool TryParse(ReadOnlySpan<byte> text, out bool value)
    {
        var t = text.Trim((byte)' ');
        if (Ascii.EqualsIgnoreCase(t, "true"u8) || t.SequenceEqual("1"u8))
        {
            value = true;
            return true;
        }

        value = false;
        return Ascii.EqualsIgnoreCase(t, "false"u8) || t.SequenceEqual("0"u8);
    }

    public override void WriteJson(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    public override bool TryReadJson(ref Utf8JsonReader reader, out bool value)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            value = reader.GetBoolean();
            return true;
        }

        return base.TryReadJson(ref reader, out value);
    }
}

/// <summary>A char as a one-character string.</summary>
internal sealed class CharCodec : ValueCodec<char>
{
    public override bool MayNeedQuotes => true;

    public override bool TryFormat(char value, Span<byte> destination, out int written) =>
        Encoding.UTF8.TryGetBytes([value], destination, out written);

    public override bool TryParse(ReadOnlySpan<byte> text, out char value)
    {
        Span<char> chars = stackalloc char[4];
        var ok = Encoding.UTF8.TryGetChars(text, chars, out var count) && count == 1;
        value = ok ? chars[0] : default;
        return ok;
    }
}

/// <summary>
/// Types with span parsing but no UTF-8 parser (dates, times, Guid, enums): transcoded through a char buffer.
/// </summary>
internal sealed class SpanCodec<T> : ValueCodec<T>
    where T : ISpanFormattable, ISpanParsable<T>
{
    private readonly string? _format;

    public SpanCodec(string? format) => _format = format;

    public override bool TryFormat(T value, Span<byte> destination, out int written)
    {
        Span<char> chars = stackalloc char[128];
        written = 0;
        return value.TryFormat(chars, out var count, _format, Invariant) && Encoding.UTF8.TryGetBytes(chars[..count], destination, out written);
    }

    public override bool TryParse(ReadOnlySpan<byte> text, out T value)
    {
        Span<char> chars = stackalloc char[128];
        if (text.Length > chars.Length || !Encoding.UTF8.TryGetChars(text, chars, out var count))
        {
            value = default!;
            return false;
        }

        return T.TryParse(chars[..count], Invariant, out value!);
    }
}

/// <summary>Enums by name (numbers accepted on read).</summary>
internal sealed class EnumCodec<T> : ValueCodec<T>
    where T : struct, Enum
{
    public override bool TryFormat(T value, Span<byte> destination, out int written) =>
        Encoding.UTF8.TryGetBytes(value.ToString(), destination, out written);

    public override bool TryParse(ReadOnlySpan<byte> text, out T value)
    {
        Span<char> chars = stackalloc char[256];
        if (text.Length > chars.Length || !Encoding.UTF8.TryGetChars(text, chars, out var count))
        {
            value = default;
            return false;
        }

        return Enum.TryParse(chars[..count], ignoreCase: false, out value);
    }
}

/// <summary>Nullable value types: null is an empty cell or JSON null.</summary>
internal sealed class NullableCodec<T> : ValueCodec<T?>
    where T : struct
{
    private readonly ValueCodec<T> _inner;

    public NullableCodec(ValueCodec<T> inner) => _inner = inner;

    public override JsonValueKind JsonKind => _inner.JsonKind;

    public override bool MayNeedQuotes => _inner.MayNeedQuotes;

    public override string TypeName => _inner.TypeName + "?";

    public override bool IsNull(T? value) => !value.HasValue;

    public override bool TryGetMissing(out T? value)
    {
        value = null;
        return true;
    }

    public override bool TryFormat(T? value, Span<byte> destination, out int written)
    {
        written = 0;
        return !value.HasValue || _inner.TryFormat(value.Value, destination, out written);
    }

    public override bool TryParse(ReadOnlySpan<byte> text, out T? value)
    {
        var ok = _inner.TryParse(text, out var inner);
        value = ok ? inner : null;
        return ok;
    }

    public override void WriteJson(Utf8JsonWriter writer, T? value)
    {
        if (value.HasValue)
        {
            _inner.WriteJson(writer, value.Value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public override bool TryReadJson(ref Utf8JsonReader reader, out T? value)
    {
        var ok = _inner.TryReadJson(ref reader, out var inner);
        value = ok ? inner : null;
        return ok;
    }
}
