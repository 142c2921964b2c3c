using System.Xml.Linq;
using GoKart.Formats;
using GoKart.Formats.Numpy;

namespace GoKart.Tests.Formats;

public sealed class Settings
{
    public string Name { get; set; } = "";

    public List<int> Values { get; set; } = [];
}

public sealed class XmlAndDirectoryFormatTests
{
    [Fact]
    public async Task RoundTrip_XDocumentAndSerializable_AreEqual()
    {
        var document = new XDocument(new XElement("root", new XAttribute("a", "1"), new XElement("child", "日本")));
        var back = await FormatIO.RoundTripAsync("x.xml", document);
        Assert.Equal(document.ToString(), back.ToString());
        var settings = await FormatIO.RoundTripAsync("s.xml", new Settings { Name = "n", Values = [1, 2] });
        Assert.Equal("n", settings.Name);
        Assert.Equal([1, 2], settings.Values);
    }

    [Fact]
    public async Task Read_MalformedXml_NamesFileAndLine()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<XDocument>("x.xml", "<a>\n<b></a>"u8.ToArray()));
        Assert.Contains("x.xml", e.Message);
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public async Task RoundTrip_DirectoryArtifact_RestoresFilesInNewFolder()
    {
        using var model = DirectoryArtifact.CreateTemporary();
        await File.WriteAllTextAsync(model.GetFilePath("weights.txt"), "0.1 0.2");
        Directory.CreateDirectory(model.GetFilePath("sub"));
        await File.WriteAllBytesAsync(model.GetFilePath("sub/data.bin"), [1, 2, 3]);
        using var back = await FormatIO.RoundTripAsync("model.zip", model);
        Assert.NotEqual(model.Path, back.Path);
        Assert.Equal("0.1 0.2", await File.ReadAllTextAsync(back.GetFilePath("weights.txt")));
        Assert.Equal(new byte[] { 1, 2, 3 }, await File.ReadAllBytesAsync(back.GetFilePath("sub/data.bin")));
        back.Dispose();
        Assert.False(Directory.Exists(back.Path));
    }

    [Fact]
    public async Task Read_DirectoryZipTruncated_IsErrorAndLeavesNoFolder()
    {
        using var model = DirectoryArtifact.CreateTemporary();
        await File.WriteAllBytesAsync(model.GetFilePath("big.bin"), [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))]);
        var bytes = await FormatIO.WriteAsync("m.zip", model);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<DirectoryArtifact>("m.zip", bytes[..(bytes.Length / 2)]));
        Assert.StartsWith("m.zip", e.Message);
    }

    [Fact]
    public void Crc32_NativeAndManaged_Agree()
    {
        var data = Enumerable.Range(0, 100_003).Select(i => (byte)(i * 31)).ToArray();
        Assert.Equal(Crc32.Managed(0, data), Crc32.Append(0, data));
        Assert.Equal(0xCBF43926u, Crc32.Managed(0, "123456789"u8));
    }
}
