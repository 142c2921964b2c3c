using System.Globalization;
using System.Numerics;
using System.Text;

namespace GoKart.Formats.Pickle;

/// <summary>
/// The text arguments of protocol 0 opcodes, parsed as Python parses them: INT and LONG with <c>int()</c>, FLOAT with
/// <c>float()</c> (so <c>inf</c> and <c>nan</c>, which <c>repr</c> writes), UNICODE with the raw-unicode-escape codec.
/// Each returns false on text Python would refuse, so the reader can name the opcode and its offset.
/// </summary>
internal static class PickleText
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    /// <summary>INT: a decimal integer, or <c>00</c>/<c>01</c> for False/True (protocol 0's booleans).</summary>
    public static bool TryInt(string text, out object value)
    {
        if (text is "00" or "01")
        {
            value = text == "01";
            return true;
        }

        return TryInteger(text, out value);
    }

    /// <summary>LONG: a decimal integer with an optional trailing <c>L</c> (Python 2 wrote one).</summary>
    public static bool TryLong(string text, out object value) => TryInteger(text.EndsWith('L') ? text[..^1] : text, out value);

    /// <summary>FLOAT: what <c>repr(float)</c> writes, including <c>inf</c>, <c>-inf</c> and <c>nan</c>.</summary>
    public static bool TryFloat(string text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var trimmed = text.Trim();
        var body = trimmed.TrimStart('+', '-');
        if (body.Length != trimmed.Length - 1 && body.Length != trimmed.Length)
        {
            return false;
        }

        var negative = trimmed.StartsWith('-');
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        value = double.NaN;
        return body.Equals("nan", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryInteger(string text, out object value)
    {
        var ok = BigInteger.TryParse(text, IntegerStyle, CultureInfo.InvariantCulture, out var big);
        value = ok ? Normalize(big) : null!;
        return ok;
    }

    /// <summary>PUT and GET: a memo index, a non-negative integer.</summary>
    public static bool TryMemoIndex(string text, out long index) =>
        long.TryParse(text, IntegerStyle, CultureInfo.InvariantCulture, out index) && index >= 0;

    /// <summary>Python ints are one type; .NET callers get long when it fits and BigInteger beyond.</summary>
#pragma warning disable CA1859
    public static object Normalize(BigInteger value) => value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
#pragma warning restore CA1859

    /// <summary>Python's raw-unicode-escape decoding; null when an escape is not a code point (<paramref name="bad"/> says which).</summary>
    public static string? RawUnicodeEscape(ReadOnlySpan<byte> bytes, out string bad)
    {
        bad = string.Empty;
        var text = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\\' && i + 1 < bytes.Length && bytes[i + 1] is (byte)'u' or (byte)'U')
            {
                var digits = bytes[i + 1] == (byte)'u' ? 4 : 8;
                if (i + 2 + digits <= bytes.Length
                    && int.TryParse(Encoding.ASCII.GetString(bytes.Slice(i + 2, digits)), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                {
                    if (code is < 0 or > 0x10FFFF)
                    {
                        bad = Encoding.ASCII.GetString(bytes.Slice(i, 2 + digits));
                        return null;
                    }

                    // Python's str holds lone surrogates, and so does a .NET string.
                    text.Append(code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code));
                    i += 1 + digits;
                    continue;
                }
            }

            text.Append((char)bytes[i]);
        }

        return text.ToString();
    }
}
