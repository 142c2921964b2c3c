using System.Text;
using GoKart.Hashing;

namespace GoKart.Tests.Hashing;

public sealed class PythonReprTests
{
    [Theory]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.1, "0.1")]
    [InlineData(2.0, "2.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Float_Double_MatchesCPythonRepr(double value, string expected) =>
        Assert.Equal(expected, PythonRepr.Float(value));

    [Fact]
    public void Float_Single_UsesShortestSingleDigits() => Assert.Equal("0.1", PythonRepr.Float(0.1f));

    [Theory]
    [InlineData("abc", "'abc'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("tab\there\\", "'tab\\there\\\\'")]
    [InlineData("\u0001\u007f\u00a0", "'\\x01\\x7f\\xa0'")]
    [InlineData("é日本", "'é日本'")]
    [InlineData("\u200b", "'\\u200b'")]
    [InlineData("😀", "'😀'")]
    public void AppendString_MatchesCPythonRepr(string value, string expected)
    {
        var sb = new StringBuilder();
        PythonRepr.AppendString(sb, value);
        Assert.Equal(expected, sb.ToString());
    }

    [Theory]
    [InlineData("LearningRate", "learning_rate", "learning-rate")]
    [InlineData("HTTPServer", "http_server", "http-server")]
    [InlineData("Param", "param", "param")]
    [InlineData("Layer2Size", "layer2_size", "layer2-size")]
    public void NameCase_ConvertsPropertyNames(string name, string snake, string kebab)
    {
        Assert.Equal(snake, NameCase.ToSnakeCase(name));
        Assert.Equal(kebab, NameCase.ToKebabCase(name));
    }
}
