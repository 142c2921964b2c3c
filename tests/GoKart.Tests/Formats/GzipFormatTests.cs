using System.IO.Compression;
using System.Text;

namespace GoKart.Tests.Formats;

/// <summary>
/// <c>.gz</c> framing is checked as Python's gzip module checks it: a stream cut anywhere, or whose trailer (CRC-32 and
/// length) does not match the data, is an error naming the file; concatenated members and zero padding are read.
/// </summary>
public sealed class GzipFormatTests
{
    private static readonly string Text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i} {i * 7919 % 1000}\n"));

    private static readonly List<Row> Rows = [.. Enumerable.Range(0, 5000).Select(i => new Row(i, "n" + i, i * 0.5, i % 2 == 0, i))];

    [Fact]
    public async Task Read_TextCutAnywhere_IsErrorNamingFile()
    {
        var bytes = await FormatIO.WriteAsync("t.txt.gz", Text);
        foreach (var cut in Cuts(bytes.Length))
        {
            var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<string>("t.txt.gz", bytes[..cut]));
            Assert.True(e.Message.StartsWith("t.txt.gz: ", StringComparison.Ordinal), $"cut at {cut} of {bytes.Length}: {e.Message}");
        }
    }

    [Fact]
    public async Task Read_CsvCutAnywhere_IsErrorNamingFile()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Row>>("t.csv.gz", Rows);
        foreach (var cut in Cuts(bytes.Length))
        {
            var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("t.csv.gz", bytes[..cut]));
            Assert.True(e.Message.StartsWith("t.csv.gz: ", StringComparison.Ordinal), $"cut at {cut} of {bytes.Length}: {e.Message}");
        }
    }

    [Fact]
    public async Task Read_CutAtLineBreak_IsError()
    {
        // A sync flush after the first half ends the compressed bytes there on a byte boundary: cut at that point, the
        // data decompresses to exactly the first half of the lines, which the text and CSV readers alone would accept.
        var half = Text.IndexOf('\n', Text.Length / 2) + 1;
        using var output = new MemoryStream();
        int cut;
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Text[..half]));
            gzip.Flush();
            cut = (int)output.Length;
            gzip.Write(Encoding.UTF8.GetBytes(Text[half..]));
        }

        var bytes = output.ToArray();
        Assert.Equal(Text, await FormatIO.ReadAsync<string>("t.txt.gz", bytes));
        Assert.Equal(Text[..half], Decompress(bytes[..cut]));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<string>("t.txt.gz", bytes[..cut]));
        Assert.Equal("t.txt.gz: the gzip data is cut short (truncated file?).", e.Message);
    }

    [Fact]
    public async Task RoundTrip_EmptyText_IsOneValidMember()
    {
        // GZipStream alone wrote a header and a sync-flush block with no end and no trailer for empty data.
        var bytes = await FormatIO.WriteAsync("t.txt.gz", string.Empty);
        Assert.Equal(string.Empty, Decompress(bytes));
        Assert.Equal(20, bytes.Length);
        Assert.Equal(new byte[8], bytes[^8..]);
        Assert.Equal(string.Empty, await FormatIO.ReadAsync<string>("t.txt.gz", bytes));
    }

    [Fact]
    public async Task Write_FlushingInnerFormat_AddsNoSyncFlushBlocks()
    {
        // The text format flushes its writer; each flush reaching GZipStream was a 5-byte empty stored block.
        var viaFormat = await FormatIO.WriteAsync("t.txt.gz", "abc");
        Assert.Equal(Gzip("abc", CompressionLevel.Fastest).Length, viaFormat.Length);
    }

    [Fact]
    public async Task Read_TrailerCrcChanged_IsCrcError()
    {
        var bytes = await FormatIO.WriteAsync("t.txt.gz", Text);
        bytes[^8] ^= 0x01;
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<string>("t.txt.gz", bytes));
        Assert.StartsWith("t.txt.gz: ", e.Message);
        Assert.Contains("CRC-32", e.Message);
    }

    [Fact]
    public async Task Read_TrailerLengthChanged_IsLengthError()
    {
        var bytes = await FormatIO.WriteAsync("t.txt.gz", Text);
        bytes[^4] ^= 0x01;
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<string>("t.txt.gz", bytes));
        Assert.StartsWith("t.txt.gz: ", e.Message);
        Assert.Contains("length", e.Message);
    }

    [Fact]
    public async Task Read_ConcatenatedMembersAndZeroPadding_ReadsEverything()
    {
        var first = Gzip("a,b\n");
        var second = Gzip("c,d\n");
        var bytes = first.Concat(second).Concat(new byte[7]).ToArray();
        Assert.Equal("a,b\nc,d\n", await FormatIO.ReadAsync<string>("t.txt.gz", bytes));
    }

    [Fact]
    public async Task Read_GarbageAfterMember_IsError()
    {
        var bytes = Gzip("hello\n").Concat("junk"u8.ToArray()).ToArray();
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<string>("t.txt.gz", bytes));
        Assert.Equal("t.txt.gz: bytes after the gzip data at offset " + (bytes.Length - 4) + " are not a gzip member (corrupt file?).", e.Message);
    }

    [Fact]
    public async Task Read_EmptyFile_IsError()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<string>("t.txt.gz", []));
        Assert.Equal("t.txt.gz: the file is empty, not a gzip stream.", e.Message);
    }

    [Fact]
    public async Task Read_NotGzip_IsError()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<string>("t.txt.gz", "plain text\n"u8.ToArray()));
        Assert.Equal("t.txt.gz: not a gzip file (it does not start with 1f 8b).", e.Message);
    }

    [Fact]
    public async Task Read_HeaderWithNameExtraCommentAndHeaderCrc_IsRead()
    {
        var plain = Gzip("x,y\n");
        var header = plain[..10].ToArray();
        header[3] = 0x02 | 0x04 | 0x08 | 0x10; // FHCRC, FEXTRA, FNAME, FCOMMENT
        byte[] extra = [4, 0, (byte)'A', (byte)'B', 2, 0];
        var bytes = header.Concat(extra).Concat("name.txt\0"u8.ToArray()).Concat("a comment\0"u8.ToArray()).Concat(new byte[] { 0x12, 0x34 }).Concat(plain[10..]).ToArray();
        Assert.Equal("x,y\n", await FormatIO.ReadAsync<string>("t.txt.gz", bytes));
    }

    [Fact]
    public async Task RoundTrip_LargeText_IsEqual()
    {
        var big = string.Concat(Enumerable.Repeat(Text, 8));
        Assert.Equal(big, await FormatIO.RoundTripAsync("t.txt.gz", big));
    }

    private static IEnumerable<int> Cuts(int length) =>
        new[] { 1, 2, 9, 10, 11, length / 10, length / 3, length / 2, (int)(length * 0.9) }
            .Concat(Enumerable.Range(length - 12, 12))
            .Distinct();

    // What .NET's GZipStream makes of the bytes: it stops without an error where the data stops.
    private static string Decompress(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static byte[] Gzip(string text, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
