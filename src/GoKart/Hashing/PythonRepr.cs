using System.Globalization;
using System.Text;

namespace GoKart.Hashing;

/// <summary>
/// Renders values exactly as CPython 3 <c>repr</c>/<c>str</c> does, because gokart hashes the
/// <c>str()</c> of a Python list and our ids must match byte for byte.
/// </summary>
internal static class PythonRepr
{
    /// <summary>Appends <c>repr(s)</c> for a Python <c>str</c>.</summary>
    public static void AppendString(StringBuilder sb, string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        sb.Append(quote);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == quote || c == '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c == '\t')
            {
                sb.Append("\\t");
            }
            else if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c == '\r')
            {
                sb.Append("\\r");
            }
            else if (c < ' ' || c == 0x7f)
            {
                sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (c < 0x7f)
            {
                sb.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var rune = new Rune(c, s[i + 1]);
                i++;
                if (IsPrintable(rune))
                {
                    sb.Append(c).Append(s[i]);
                }
                else
                {
                    sb.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                }
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (IsPrintable(new Rune(c)))
            {
                sb.Append(c);
            }
            else if (c <= 0xff)
            {
                sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        sb.Append(quote);
    }

    /// <summary>Python's <c>str.isprintable</c> for one code point (space is printable).</summary>
    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    /// <summary><c>repr(float(value))</c>: shortest round-trip digits, Python's switch to exponent form.</summary>
    public static string Float(double value) =>
        FormatShortest(value, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>As <see cref="Float(double)"/> but with the shortest digits of a single-precision value.</summary>
    public static string Float(float value) =>
        FormatShortest(value, value.ToString("R", CultureInfo.InvariantCulture));

    private static string FormatShortest(double value, string roundTrip)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var (negative, digits, pointPosition) = Decompose(roundTrip);
        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }

        // CPython's float_repr_style 'short': exponent form when decpt <= -4 or decpt > 16.
        if (pointPosition <= -4 || pointPosition > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var exponent = pointPosition - 1;
            sb.Append('e').Append(exponent < 0 ? '-' : '+');
            sb.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPosition <= 0)
        {
            sb.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPosition - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return sb.ToString();
    }

    /// <summary>Splits .NET's round-trip text into sign, significant digits and decimal point position.</summary>
    private static (bool Negative, string Digits, int PointPosition) Decompose(string text)
    {
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dot >= 0 ? dot : text.Length;
        var allDigits = dot >= 0 ? text.Remove(dot, 1) : text;
        var leadingZeros = 0;
        while (leadingZeros < allDigits.Length - 1 && allDigits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        var digits = allDigits[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        return (negative, digits, integerDigits - leadingZeros + exponent);
    }
}
