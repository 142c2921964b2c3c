using System.Globalization;
using System.Numerics;

namespace GoKart.Formats.Tables;

/// <summary>
/// Decimal float notation (<c>-12.50e1</c>) read exactly, as the whole number it stands for; not a double, so
/// <c>3.0000000000000001</c> is not 3.
/// </summary>
internal static class WholeNumberText
{
    // float64's largest value has 309 digits; anything longer is no integer a table column holds.
    private const int MaxDigits = 400;

    /// <summary>The whole number <paramref name="text"/> denotes; false for a fraction, a malformed text, NaN or infinity.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out BigInteger value)
    {
        value = BigInteger.Zero;
        text = text.Trim(" \t"u8);
        var negative = text.Length > 0 && text[0] == (byte)'-';
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            text = text[1..];
        }

        var exponentAt = text.IndexOfAny((byte)'e', (byte)'E');
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = 0L;
        if (exponentAt >= 0 && !TryExponent(text[(exponentAt + 1)..], out exponent))
        {
            return false;
        }

        var point = mantissa.IndexOf((byte)'.');
        var integer = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? [] : mantissa[(point + 1)..];
        if (integer.Length + fraction.Length == 0 || integer.ContainsAnyExceptInRange((byte)'0', (byte)'9') || fraction.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        // The digits integer+fraction times 10^scale; trailing zeros of a negative scale are dropped.
        var digits = string.Concat(System.Text.Encoding.ASCII.GetString(integer), System.Text.Encoding.ASCII.GetString(fraction)).TrimStart('0');
        var scale = exponent - fraction.Length;
        while (scale < 0 && digits.Length > 0 && digits[^1] == '0')
        {
            digits = digits[..^1];
            scale++;
        }

        if (digits.Length == 0)
        {
            return true;
        }

        if (scale < 0 || digits.Length + scale > MaxDigits)
        {
            return false;
        }

        value = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * BigInteger.Pow(10, (int)scale);
        value = negative ? -value : value;
        return true;
    }

    private static bool TryExponent(ReadOnlySpan<byte> text, out long exponent)
    {
        exponent = 0;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            text = text[1..];
        }

        if (text.IsEmpty || text.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        foreach (var digit in text)
        {
            // Saturate: beyond a million the number is either not whole or far too large, and both are refused.
            exponent = Math.Min((exponent * 10) + (digit - '0'), 1_000_000);
        }

        exponent = negative ? -exponent : exponent;
        return true;
    }
}
