using System.Text;

namespace GoKart.Tests.Formats;

/// <summary>Protocol 0 text opcodes carry numbers as text; a corrupt one is an error naming the file, opcode and offset.</summary>
public sealed class PickleTextOpcodeTests
{
    [Theory]
    [InlineData("\x80\x02]pabc\n.", "PUT", 3, "abc")]
    [InlineData("\x80\x02]p0\ngabc\n.", "GET", 6, "abc")]
    [InlineData("Iabc\n.", "INT", 0, "abc")]
    [InlineData("(I1\nI2x\nl.", "INT", 4, "2x")]
    [InlineData("Labc\n.", "LONG", 0, "abc")]
    [InlineData("L12L3L\n.", "LONG", 0, "12L3L")]
    [InlineData("Fabc\n.", "FLOAT", 0, "abc")]
    [InlineData("F1.5.5\n.", "FLOAT", 0, "1.5.5")]
    public async Task Read_CorruptTextNumber_NamesFileOpcodeAndOffset(string pickle, string opcode, int offset, string text)
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<object>("c.pkl", Encoding.Latin1.GetBytes(pickle)));
        Assert.Equal($"c.pkl: the {opcode} opcode at byte {offset} holds '{text}', which is not a valid number (corrupt file?).", e.Message);
    }

    [Fact]
    public async Task Read_UnicodeEscapeBeyondUnicode_NamesFileAndOffset()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<object>("c.pkl", Encoding.Latin1.GetBytes("N0V\\U00110000\n.")));
        Assert.Equal("c.pkl: the UNICODE opcode at byte 2 holds \\U00110000, which is not a Unicode code point (corrupt file?).", e.Message);
    }

    [Theory]
    [InlineData("Finf\n.", double.PositiveInfinity)]
    [InlineData("F-inf\n.", double.NegativeInfinity)]
    [InlineData("F1e+300\n.", 1e300)]
    [InlineData("F-0.25\n.", -0.25)]
    public async Task Read_TextFloatAsPythonWritesIt_IsRead(string pickle, double expected)
    {
        // Python's protocol 0 writes FLOAT as repr(x): 'inf', '-inf', 'nan', '1e+300'.
        Assert.Equal(expected, await FormatIO.ReadAsync<double>("f.pkl", Encoding.Latin1.GetBytes(pickle)));
    }

    [Fact]
    public async Task Read_TextFloatNan_IsNaN()
    {
        Assert.True(double.IsNaN(await FormatIO.ReadAsync<double>("f.pkl", "Fnan\n."u8.ToArray())));
    }

    [Theory]
    [InlineData("I12\n.", 12L)]
    [InlineData("I-7\n.", -7L)]
    [InlineData("L123456789012345678901234567890L\n.", null)]
    public async Task Read_TextIntegers_AreRead(string pickle, long? expected)
    {
        var value = await FormatIO.ReadAsync<object>("i.pkl", Encoding.Latin1.GetBytes(pickle));
        if (expected is { } l)
        {
            Assert.Equal(l, value);
        }
        else
        {
            Assert.Equal(System.Numerics.BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture), value);
        }
    }
}
