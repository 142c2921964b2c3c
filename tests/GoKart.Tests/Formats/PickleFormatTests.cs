using System.Numerics;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

public sealed class PickleFormatTests
{
    [Fact]
    public async Task RoundTrip_PlainData_AsObject()
    {
        var value = new Dictionary<string, object?>
        {
            ["none"] = null,
            ["bool"] = true,
            ["int"] = 42,
            ["neg"] = -70000,
            ["long"] = long.MinValue,
            ["big"] = BigInteger.Pow(2, 100),
            ["float"] = 0.1,
            ["str"] = "héllo",
            ["bytes"] = new byte[] { 0, 1, 255 },
            ["list"] = new List<object?> { 1, "a", null },
            ["tuple"] = (1, "b"),
            ["set"] = new HashSet<string> { "x" },
        };
        var back = Assert.IsType<Dictionary<object, object?>>(await FormatIO.RoundTripAsync<object>("v.pkl", value));
        Assert.Null(back["none"]);
        Assert.Equal(true, back["bool"]);
        Assert.Equal(42L, back["int"]);
        Assert.Equal(-70000L, back["neg"]);
        Assert.Equal(long.MinValue, back["long"]);
        Assert.Equal(BigInteger.Pow(2, 100), back["big"]);
        Assert.Equal(0.1, back["float"]);
        Assert.Equal("héllo", back["str"]);
        Assert.Equal(new byte[] { 0, 1, 255 }, back["bytes"]);
        Assert.Equal(new List<object?> { 1L, "a", null }, back["list"]);
        Assert.Equal(new object?[] { 1L, "b" }, back["tuple"]);
        Assert.Equal(["x"], Assert.IsType<HashSet<object?>>(back["set"]).ToList());
    }

    [Fact]
    public async Task RoundTrip_TypedDictionaryAndLargeList_ConvertBack()
    {
        var value = new Dictionary<string, List<double>> { ["a"] = [.. Enumerable.Range(0, 5000).Select(i => i * 0.5)] };
        var back = await FormatIO.RoundTripAsync("t.pkl", value);
        Assert.Equal(value["a"], back["a"]);
    }

    [Fact]
    public async Task Read_GlobalOtherThanBuiltins_IsRefused()
    {
        // pickle.dumps(os.system) at protocol 0: "cposix\nsystem\np0\n."
        var evil = "cposix\nsystem\np0\n(S'echo hi'\ntR."u8.ToArray();
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<object>("evil.pkl", evil));
        Assert.Contains("posix.system", e.Message);
    }

    [Fact]
    public async Task Read_Truncated_IsError()
    {
        var bytes = await FormatIO.WriteAsync("v.pkl", Enumerable.Range(0, 100).ToList());
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<object>("v.pkl", bytes[..(bytes.Length / 2)]));
        Assert.Contains("v.pkl", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public async Task Read_ValueTooLargeForType_NamesPath()
    {
        var bytes = await FormatIO.WriteAsync("v.pkl", new List<long> { 1, long.MaxValue });
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<List<int>>("v.pkl", bytes));
        Assert.Contains("value[1]", e.Message);
    }

    [Fact]
    public void Supports_PlainAndNot()
    {
        var format = new PickleFormat();
        Assert.True(format.Supports(typeof(Dictionary<string, List<int?>>)));
        Assert.True(format.Supports(typeof(object)));
        Assert.False(format.Supports(typeof(Row)));
        Assert.False(format.Supports(typeof(Stream)));
    }
}
