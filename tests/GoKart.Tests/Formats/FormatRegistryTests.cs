using System.Text;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

public sealed class FormatRegistryTests
{
    [Theory]
    [InlineData("a/x_123.csv", "csv")]
    [InlineData("x.tsv", "tsv")]
    [InlineData("x.ndjson", "ndjson")]
    [InlineData("x.json", "json")]
    [InlineData("x.txt", "text")]
    [InlineData("x.png", "bytes")]
    [InlineData("x.npy", "npy")]
    [InlineData("x.npz", "npz")]
    [InlineData("x.pkl", "pickle")]
    [InlineData("x.xml", "xml")]
    [InlineData("model.zip", "directory")]
    [InlineData("x_abc.csv.gz", "csv.gz")]
    [InlineData("x.json.gz", "json.gz")]
    [InlineData("x.pkl.gz", "pickle.gz")]
    public void Resolve_KnownExtension_PicksFormat(string path, string name) =>
        Assert.Equal(name, FormatRegistry.CreateDefault().Resolve(path).Name);

    [Fact]
    public void CreateDefault_DeferredExtensions_MatchEachFormatsOwnList()
    {
        // The built-in formats are made on first use, so the registry lists their extensions itself: a format that gains
        // or loses one must not go unnoticed.
        var registry = FormatRegistry.CreateDefault();
        var listed = registry.Extensions.Where(e => e != ".gz").ToList();

        Assert.Equal(16, listed.Count);
        foreach (var extension in listed)
        {
            var format = registry.Resolve("x" + extension);
            Assert.Contains(extension, format.Extensions);
            Assert.All(format.Extensions, own => Assert.Contains(own, registry.Extensions));
        }
    }

    [Theory]
    [InlineData("x.parquet")]
    [InlineData("x.gz")]
    [InlineData("x.parquet.gz")]
    public void Resolve_UnknownExtension_ListsKnownOnes(string path)
    {
        var e = Assert.Throws<UnknownFormatException>(() => FormatRegistry.CreateDefault().Resolve(path));
        Assert.Contains(".csv, ", e.Message);
        Assert.Contains(".npz", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public async Task Register_UserFormat_IsUsedAndComposesWithGz()
    {
        var registry = FormatRegistry.CreateDefault().Register(new ShoutFormat());
        Assert.IsType<ShoutFormat>(registry.Resolve("x.shout"));
        var gz = registry.Resolve("x.shout.gz");
        Assert.True(gz.Supports(typeof(string)));
        var target = new Target("x.shout.gz");
        using var stream = new MemoryStream();
        await gz.WriteAsync(stream, "hello", typeof(string), new FormatContext("x.shout.gz", target, registry), CancellationToken.None);
        stream.Position = 0;
        var back = await gz.ReadAsync(stream, typeof(string), new FormatContext("x.shout.gz", target, registry), CancellationToken.None);
        Assert.Equal("HELLO", back);
    }

    [Fact]
    public async Task Read_CorruptGzip_IsErrorNamingFile()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Row>>("x.csv.gz", SampleRows.Make());
        bytes[bytes.Length / 2] ^= 0xFF;
        bytes[(bytes.Length / 2) + 1] ^= 0xFF;
        var e = await Assert.ThrowsAnyAsync<Exception>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("x.csv.gz", bytes));
        Assert.Contains("x.csv.gz", e.Message);
        var cut = await Assert.ThrowsAnyAsync<Exception>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("x.csv.gz", bytes[..(bytes.Length / 2)]));
        Assert.Contains("x.csv.gz", cut.Message);
    }

    private sealed class ShoutFormat : IFormat
    {
        public string Name => "shout";

        public IReadOnlyList<string> Extensions { get; } = [".shout"];

        public bool Supports(Type type) => type == typeof(string);

        public async ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken) =>
            await stream.WriteAsync(Encoding.UTF8.GetBytes(((string)value!).ToUpperInvariant()), cancellationToken);

        public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
        {
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync(cancellationToken);
        }
    }
}
