using System.Globalization;
using System.Text;
using GoKart.Formats.Tables;

namespace GoKart.Tests.Formats;

/// <summary>The CSV number parser against the runtime's (correctly rounded) parser, bit for bit.</summary>
public sealed class FastDoubleTests
{
    [Fact]
    public void RoundTripText_OfRandomDoubles_ParsesToTheSameBits()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var value = i % 3 == 0 ? random.NextDouble()
                : i % 3 == 1 ? BitConverter.Int64BitsToDouble(random.NextInt64(0x0010_0000_0000_0000, 0x7FEF_FFFF_FFFF_FFFF))
                : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            Check(value.ToString("R", CultureInfo.InvariantCulture));
            Check(value.ToString("G17", CultureInfo.InvariantCulture));
            Check(value.ToString("E16", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void SeventeenDigitNumbers_TakeTheFastPath()
    {
        // What round-trip formatting writes for uniform doubles: the case the runtime's parser made slow.
        var random = new Random(3);
        var fast = Enumerable.Range(0, 10_000).Count(i => FastDouble.TryParse(Encoding.ASCII.GetBytes(random.NextDouble().ToString("R", CultureInfo.InvariantCulture)), out _));

        Assert.True(fast >= 9_990, $"{fast} of 10000 parsed without the runtime's parser");
    }

    [Fact]
    public void RandomDecimalStrings_UpTo19Digits_ParseToTheSameBits()
    {
        var random = new Random(11);
        var text = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            text.Clear();
            var digits = random.Next(1, 20);
            for (var d = 0; d < digits; d++)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            if (random.Next(2) == 0)
            {
                text.Insert(random.Next(text.Length + 1), '.');
                if (text[^1] == '.')
                {
                    text.Append('5');
                }
            }

            text.Append('e').Append(random.Next(-340, 310));
            Check(text.ToString());
        }
    }

    [Theory]
    [InlineData("9007199254740993")] // 2^53 + 1: halfway, rounds to even
    [InlineData("9007199254740995")]
    [InlineData("0.1")]
    [InlineData("1e23")]
    [InlineData("8.98846567431158e307")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("1.7976931348623159e308")] // overflows: the runtime's answer (infinity)
    [InlineData("2.2250738585072011e-308")] // subnormal boundary: the runtime's parser
    [InlineData("4.9406564584124654e-324")]
    [InlineData("1e-400")]
    [InlineData("-0.0")]
    [InlineData("0.000000000000000000000000000001234567890123456789")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("7.2057594037927933e16")]
    public void EdgeCases_ParseToTheSameBits(string text) => Check(text);

    private static void Check(string text)
    {
        var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        var parsed = FastDouble.TryParse(Encoding.ASCII.GetBytes(text), out var value) ? value : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(parsed), $"{text}: expected {expected:R}, got {parsed:R}");
    }
}
