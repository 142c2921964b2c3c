using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GoKart.Formats.Tables;

/// <summary>Turns one column value into UTF-8 text (CSV cells, JSON values) and back, without allocating for numbers.</summary>
internal abstract class ValueCodec<T>
{
    /// <summary>How the value looks in JSON.</summary>
    public virtual JsonValueKind JsonKind => JsonValueKind.String;

    /// <summary>Whether formatted text may contain a delimiter, quote or newline (so CSV must check for quoting).</summary>
    public virtual bool MayNeedQuotes => false;

    /// <summary>The type name shown in errors (<c>Double</c>, <c>Int32?</c>).</summary>
    public virtual string TypeName => typeof(T).Name;

    public abstract bool TryFormat(T value, Span<byte> destination, out int written);

    public abstract bool TryParse(ReadOnlySpan<byte> text, out T value);

    /// <summary>Whether the value is missing (null); missing values become empty CSV cells and JSON nulls.</summary>
    public virtual bool IsNull(T value) => value is null;

    /// <summary>The value an empty CSV cell or a JSON null stands for, when the type has one (null, NaN).</summary>
    public virtual bool TryGetMissing(out T value)
    {
        value = default!;
        return false;
    }

    public virtual void WriteJson(Utf8JsonWriter writer, T value)
    {
        Span<byte> buffer = stackalloc byte[128];
        if (TryFormat(value, buffer, out var written))
        {
            if (JsonKind == JsonValueKind.Number)
            {
                writer.WriteRawValue(buffer[..written], skipInputValidation: true);
            }
            else
            {
                writer.WriteStringValue(buffer[..written]);
            }

            return;
        }

        var rented = new byte[4096];
        var ok = TryFormat(value, rented, out written);
        writer.WriteStringValue(ok ? rented.AsSpan(0, written) : Encoding.UTF8.GetBytes(value?.ToString() ?? string.Empty));
    }

    /// <summary>Reads a non-null JSON token (number, string or boolean) into a value.</summary>
    public virtual bool TryReadJson(ref Utf8JsonReader reader, out T value)
    {
        if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                return TryParse(reader.ValueSpan, out value);
            }

            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
            return TryParse(Encoding.UTF8.GetBytes(text), out value);
        }

        value = default!;
        return false;
    }

    protected static CultureInfo Invariant => CultureInfo.InvariantCulture;
}
