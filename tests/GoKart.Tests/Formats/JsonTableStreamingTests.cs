using System.Text;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

/// <summary>.json tables are read through a small buffer: objects that straddle or exceed it must come out whole.</summary>
public sealed class JsonTableStreamingTests
{
    [Fact]
    public async Task RoundTrip_TableLargerThanBuffer_WithOneObjectLargerThanBuffer_IsEqual()
    {
        var rows = Enumerable.Range(0, 60_000).Select(i => new Row(i, "name-" + i + new string('x', i % 97), i * 0.125, i % 2 == 0, i % 7 == 0 ? null : i)).ToList();
        rows[31_337] = rows[31_337] with { Name = new string('é', 3_000_000) };

        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Row>>("big.json", rows);
        Assert.True(bytes.Length > 4 << 20, $"the file ({bytes.Length} bytes) should span several read buffers");
        var back = await FormatIO.ReadAsync<IReadOnlyList<Row>>("big.json", bytes);

        Assert.Equal(rows, back);
    }

    [Theory]
    [InlineData("[{\"Id\":1,\"Name\":\"a\",\"Score\":1,\"Flag\":true,\"Count\":null}] [", "not valid JSON")]
    [InlineData("{\"Id\":1}", "does not start with '['")]
    [InlineData("[{\"Id\":1,\"Name\":\"a\",\"Score\":1,\"Flag\":true,\"Count\":null}, 5]", "holds objects")]
    public async Task Read_NotAnArrayOfObjects_IsErrorNamingFile(string json, string expected)
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("bad.json", Encoding.UTF8.GetBytes(json)));
        Assert.Contains("bad.json", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("strict.json", "[{\"Id\":1,\"Name\":\"a\",\"Score\":1,\"Flag\":true,\"Count\":null,\"Extra\":5}]")]
    [InlineData("strict.ndjson", "{\"Id\":1,\"Name\":\"a\",\"Score\":1,\"Flag\":true,\"Count\":null,\"Extra\":5}\n")]
    public async Task Read_ExtraPropertyWhenStrict_NamesTheProperty(string path, string json)
    {
        var target = new Target(path) { FormatOptions = new TableFormatOptions { StrictColumns = true } };
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>(path, Encoding.UTF8.GetBytes(json), target));
        Assert.Equal($"{path}: row 1: property 'Extra' is not a column of Row (StrictColumns is set).", e.Message);
    }
}
