using System.Numerics;
using System.Text;

namespace GoKart.Tests.Formats;

public sealed record Counts(int Id, long? Count, byte Small, ulong Big, BigInteger Huge, decimal Price);

/// <summary>
/// pandas upcasts an integer column with missing values to float64 and writes <c>3.0</c>; an integral number written
/// as a float is a valid integer, a fraction is not.
/// </summary>
public sealed class IntegralFloatTests
{
    [Fact]
    public async Task Read_CsvIntegralFloats_AreIntegers()
    {
        var csv = "Id,Count,Small,Big,Huge,Price\n"
            + "1.0,3.0,255.0,18446744073709551615.0,1e+30,1.50\n"
            + "2,,0.0,1.8446744073709551615e19,-2.0e2,2\n"
            + "3.,1e+16,2.5e1,0,12345678901234567890123.0,0.0\n"
            + "-0.0,-7.000,1E1,10.0E-1,4,1e2\n";
        var rows = await FormatIO.ReadAsync<IReadOnlyList<Counts>>("p.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(new Counts(1, 3, 255, ulong.MaxValue, BigInteger.Pow(10, 30), 1.50m), rows[0]);
        Assert.Equal(new Counts(2, null, 0, ulong.MaxValue, -200, 2m), rows[1]);
        Assert.Equal(new Counts(3, 10_000_000_000_000_000, 25, 0, BigInteger.Parse("12345678901234567890123", System.Globalization.CultureInfo.InvariantCulture), 0m), rows[2]);
        Assert.Equal(new Counts(0, -7, 10, 1, 4, 100m), rows[3]);
    }

    [Theory]
    [InlineData("3.5", "Count", "Int64?")]
    [InlineData("1e-1", "Count", "Int64?")]
    [InlineData("3.0000000000000001", "Count", "Int64?")]
    [InlineData("1e19", "Count", "Int64?")]
    [InlineData("nan", "Count", "Int64?")]
    [InlineData("inf", "Count", "Int64?")]
    [InlineData("1.0.0", "Count", "Int64?")]
    [InlineData("e5", "Count", "Int64?")]
    [InlineData("1e", "Count", "Int64?")]
    [InlineData("1e99999999999", "Count", "Int64?")]
    public async Task Read_CsvNonIntegralValue_NamesRowAndColumn(string value, string column, string type)
    {
        var csv = "Id,Count,Small,Big,Huge,Price\n1,2,3,4,5,6\n2," + value + ",3,4,5,6\n";
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Counts>>("p.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal($"p.csv: row 2, column '{column}': '{value}' is not a valid {type}.", e.Message);
    }

    [Fact]
    public async Task Read_CsvByteOutOfRange_IsError()
    {
        var csv = "Id,Count,Small,Big,Huge,Price\n1,2,256.0,4,5,6\n";
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Counts>>("p.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal("p.csv: row 1, column 'Small': '256.0' is not a valid Byte.", e.Message);
    }

    [Fact]
    public async Task Read_JsonIntegralFloats_AreIntegers()
    {
        // pandas' to_json(orient="records") of a float64 column with whole values writes 3.0.
        var json = "[{\"Id\":1.0,\"Count\":3.0,\"Small\":2.0,\"Big\":5,\"Huge\":1e3,\"Price\":1.5},\n{\"Id\":2,\"Count\":null,\"Small\":0,\"Big\":0,\"Huge\":0,\"Price\":0}]\n";
        var rows = await FormatIO.ReadAsync<IReadOnlyList<Counts>>("p.json", Encoding.UTF8.GetBytes(json));
        Assert.Equal(new Counts(1, 3, 2, 5, 1000, 1.5m), rows[0]);
        Assert.Equal(new Counts(2, null, 0, 0, 0, 0m), rows[1]);
        var bad = json.Replace("\"Count\":3.0", "\"Count\":3.25", StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Counts>>("p.json", Encoding.UTF8.GetBytes(bad)));
        Assert.Equal("p.json: row 1, column 'Count': '3.25' is not a valid Int64?.", e.Message);
    }
}
