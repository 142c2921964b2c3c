namespace GoKart.Formats.Tables;

/// <summary>
/// Clinger's exact fast path for short decimals (at most 2^53 as an integer mantissa, power of ten within ±22):
/// one multiply or divide of exactly representable doubles, so the result is correctly rounded; up to 19
/// significant digits, Eisel-Lemire (<see cref="EiselLemire"/>). Anything else (longer mantissas, the rare
/// ambiguous cases, subnormals, special names) falls back to the runtime's parser.
/// </summary>
internal static class FastDouble
{
    private static readonly double[] Powers =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var exponent = 0;
        var start = i;
        for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
        {
            mantissa = (mantissa * 10) + (uint)(text[i] - '0');
            digits += mantissa == 0 ? 0 : 1;
        }

        var hasDigits = i > start;
        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            var fractionStart = i;
            for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
            {
                mantissa = (mantissa * 10) + (uint)(text[i] - '0');
                digits += mantissa == 0 ? 0 : 1;
            }

            exponent -= i - fractionStart;
            hasDigits |= i > fractionStart;
        }

        if (!hasDigits || digits > 19)
        {
            return false;
        }

        if (i < text.Length && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            i++;
            var expNegative = false;
            if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                expNegative = text[i] == (byte)'-';
                i++;
            }

            var expStart = i;
            var e = 0;
            for (; i < text.Length && (uint)(text[i] - '0') <= 9 && e < 10000; i++)
            {
                e = (e * 10) + (text[i] - '0');
            }

            if (i == expStart)
            {
                return false;
            }

            exponent += expNegative ? -e : e;
        }

        if (i != text.Length)
        {
            return false;
        }

        if (digits <= 15 && mantissa <= (1UL << 53) && exponent >= -22 && exponent <= 22)
        {
            var result = exponent >= 0 ? mantissa * Powers[exponent] : mantissa / Powers[-exponent];
            value = negative ? -result : result;
            return true;
        }

        // 16-19 significant digits (what round-trip formatting writes) or a large exponent.
        if (!EiselLemire.TryCompute(exponent, mantissa, out var bits))
        {
            return false;
        }

        value = BitConverter.UInt64BitsToDouble(bits | (negative ? 1UL << 63 : 0));
        return true;
    }
}
