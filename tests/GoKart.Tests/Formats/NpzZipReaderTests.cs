using System.Buffers.Binary;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

/// <summary>The .npz read side's own zip reader: zip64, comments, streams that cannot seek, and damage anywhere in the directory.</summary>
public sealed class NpzZipReaderTests
{
    private static readonly Dictionary<string, double[]> Arrays = new()
    {
        ["a"] = [.. Enumerable.Range(0, 300).Select(i => i * 0.5)],
        ["b"] = [.. Enumerable.Range(0, 7).Select(i => -i * 3.25)],
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryByteOfTheDirectory_Flipped_ReadsTheSameOrIsErrorNamingFile(bool compressed)
    {
        var target = new Target("d.npz") { FormatOptions = new TableFormatOptions { Compressed = compressed } };
        var bytes = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>("d.npz", Arrays, target);
        var directoryStart = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 6));
        var errors = 0;
        for (var i = directoryStart; i < bytes.Length; i++)
        {
            var corrupt = bytes.ToArray();
            corrupt[i] ^= 0x5a;
            try
            {
                var back = await FormatIO.ReadAsync<IReadOnlyDictionary<string, double[]>>("d.npz", corrupt);
                Assert.Equal(Arrays["a"], back["a"]); // a flip in a field the reader ignores (times, attributes)
                Assert.Equal(Arrays["b"], back["b"]);
            }
            catch (InvalidDataException e)
            {
                Assert.True(e.Message.StartsWith("d.npz", StringComparison.Ordinal), $"byte {i}: {e.Message}");
                errors++;
            }
        }

        Assert.True(errors > (bytes.Length - directoryStart) / 4, $"only {errors} flips were noticed");
    }

    [Fact]
    public async Task ArchiveWithAComment_IsRead()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>("c.npz", Arrays);
        var comment = "made by hand, 34 bytes of comment."u8.ToArray();
        var withComment = bytes.Concat(comment).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(withComment.AsSpan(bytes.Length - 2), (ushort)comment.Length);

        var back = await FormatIO.ReadAsync<IReadOnlyDictionary<string, double[]>>("c.npz", withComment);

        Assert.Equal(Arrays["a"], back["a"]);
        Assert.Equal(Arrays["b"], back["b"]);
    }

    [Fact]
    public async Task Zip64Directory_IsRead()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>("z.npz", Arrays);

        var back = await FormatIO.ReadAsync<IReadOnlyDictionary<string, double[]>>("z.npz", ToZip64(bytes));

        Assert.Equal(Arrays["a"], back["a"]);
        Assert.Equal(Arrays["b"], back["b"]);
    }

    [Fact]
    public async Task StreamThatCannotSeek_IsRead()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Row>>("r.npz", [new Row(1, "x", 2.5, true, null), new Row(2, "yy", -1, false, 7)]);
        var target = new Target("r.npz");
        await using var stream = new ForwardOnlyStream(bytes);

        var back = (IReadOnlyList<Row>)(await new NpzFormat().ReadAsync(stream, typeof(IReadOnlyList<Row>), new FormatContext("r.npz", target, FormatIO.Registry), CancellationToken.None))!;

        Assert.Equal([new Row(1, "x", 2.5, true, null), new Row(2, "yy", -1, false, 7)], back);
    }

    [Fact]
    public async Task NotAZip_IsErrorNamingFile()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyDictionary<string, double[]>>("n.npz", new byte[100]));
        Assert.StartsWith("n.npz: not a readable .npz", e.Message);
    }

    /// <summary>The same archive with every size and offset moved to zip64 fields and a zip64 end record, as a writer of huge archives does.</summary>
    private static byte[] ToZip64(byte[] zip)
    {
        var end = zip.Length - 22;
        var count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var directoryStart = BinaryPrimitives.ReadInt32LittleEndian(zip.AsSpan(end + 16));
        using var output = new MemoryStream();
        output.Write(zip, 0, directoryStart);
        var at = directoryStart;
        for (var n = 0; n < count; n++)
        {
            var header = zip.AsSpan(at, 46).ToArray();
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            var extra = new byte[4 + 24];
            BinaryPrimitives.WriteUInt16LittleEndian(extra, 1);
            BinaryPrimitives.WriteUInt16LittleEndian(extra.AsSpan(2), 24);
            BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(4), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24)));
            BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(12), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20)));
            BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(20), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(42)));
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), uint.MaxValue);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), uint.MaxValue);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(42), uint.MaxValue);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(30), (ushort)(extraLength + extra.Length));
            output.Write(header);
            output.Write(zip, at + 46, nameLength + extraLength);
            output.Write(extra);
            output.Write(zip, at + 46 + nameLength + extraLength, commentLength);
            at += 46 + nameLength + extraLength + commentLength;
        }

        var directoryLength = output.Length - directoryStart;
        var record = new byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x06064b50);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(4), 44);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(24), count);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(32), count);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(40), directoryLength);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(48), directoryStart);
        var recordOffset = output.Length;
        output.Write(record);
        var locator = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteInt64LittleEndian(locator.AsSpan(8), recordOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), 1);
        output.Write(locator);
        var endRecord = zip.AsSpan(end, 22).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(endRecord.AsSpan(8), ushort.MaxValue);
        BinaryPrimitives.WriteUInt16LittleEndian(endRecord.AsSpan(10), ushort.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(endRecord.AsSpan(12), uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(endRecord.AsSpan(16), uint.MaxValue);
        output.Write(endRecord);
        return output.ToArray();
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
