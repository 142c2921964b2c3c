using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace GoKart.Formats.Tables;

/// <summary>
/// float/double/Half: shortest round-trip text; NaN and infinities as <c>NaN</c>, <c>inf</c>, <c>-inf</c>
/// (what Python prints). An empty cell or JSON null reads as NaN, as pandas does.
/// </summary>
internal sealed class FloatCodec<T> : ValueCodec<T>
    where T : IFloatingPointIeee754<T>, IUtf8SpanFormattable
{
    private static readonly byte[] NaNText = "NaN"u8.ToArray();
    private static readonly byte[] PositiveInfinityText = "inf"u8.ToArray();
    private static readonly byte[] NegativeInfinityText = "-inf"u8.ToArray();

    public override JsonValueKind JsonKind => JsonValueKind.Number;

    public override bool IsNull(T value) => false;

    public override bool TryGetMissing(out T value)
    {
        value = T.NaN;
        return true;
    }

    public override bool TryFormat(T value, Span<byte> destination, out int written)
    {
        if (T.IsFinite(value))
        {
            // The default format is the shortest round-trippable text, and faster than "R".
            return value.TryFormat(destination, out written, default, Invariant);
        }

        var text = T.IsNaN(value) ? NaNText : T.IsPositive(value) ? PositiveInfinityText : NegativeInfinityText;
        written = text.Length;
        return text.AsSpan().TryCopyTo(destination);
    }

    public override bool TryParse(ReadOnlySpan<byte> text, out T value)
    {
        if (typeof(T) == typeof(double) && FastDouble.TryParse(text, out var fast))
        {
            value = (T)(object)fast;
            return true;
        }

        if (T.TryParse(text, NumberStyles.Float, Invariant, out value!))
        {
            return true;
        }

        var trimmed = text.Trim((byte)' ');
        var negative = trimmed.Length > 0 && trimmed[0] == (byte)'-';
        var body = negative || (trimmed.Length > 0 && trimmed[0] == (byte)'+') ? trimmed[1..] : trimmed;
        if (Ascii.EqualsIgnoreCase(body, "inf"u8) || Ascii.EqualsIgnoreCase(body, "infinity"u8))
        {
            value = negative ? T.NegativeInfinity : T.PositiveInfinity;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(body, "nan"u8))
        {
            value = T.NaN;
            return true;
        }

        return false;
    }

    public override void WriteJson(Utf8JsonWriter writer, T value)
    {
        if (T.IsFinite(value))
        {
            Span<byte> buffer = stackalloc byte[64];
            _ = value.TryFormat(buffer, out var written, default, Invariant);
            writer.WriteRawValue(buffer[..written], skipInputValidation: true);
        }
        else
        {
            // JSON has no NaN; STJ's named literals as strings keep the value (pandas reads them with float()).
            writer.WriteStringValue(T.IsNaN(value) ? "NaN" : T.IsPositive(value) ? "Infinity" : "-Infinity");
        }
    }
}
