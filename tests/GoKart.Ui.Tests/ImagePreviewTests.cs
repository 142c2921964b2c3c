using System.Net.Http.Json;
using System.Text.Json;
using GoKart.Storage;

namespace GoKart.Ui.Tests;

/// <summary>A task whose output is a PNG image.</summary>
public sealed class Picture : TaskOnKart<byte[]>
{
    protected override Target Output() => MakeTarget("ui/picture.png");

    protected override byte[] Run() => UiWorkspace.Png;
}

/// <summary>An image output previews as an image served with its content type.</summary>
public sealed class ImagePreviewTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gokart-ui-image-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Preview_OfAPng_IsAnImage_ServedAsImagePng()
    {
        var workspace = Path.Combine(_root, "ws");
        var picture = new Picture();
        Assert.Empty((await Kart.ExecuteAsync(picture, new BuildOptions { Store = new LocalFileStore(workspace), Workers = 1, ReadConfigFiles = false })).Failures);
        await using var server = await UiServer.StartAsync(new UiOptions { Workspace = workspace, CacheDirectory = Path.Combine(_root, "cache") });
        using var client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };
        var preview = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{picture.UniqueId}/outputs/output/preview");
        Assert.Equal("image", preview.GetProperty("kind").GetString());
        var path = preview.GetProperty("path").GetString()!;
        Assert.EndsWith(".png", path, StringComparison.Ordinal);
        using var response = await client.GetAsync(new Uri("/api/file?root=workspace&path=" + Uri.EscapeDataString(path), UriKind.Relative));
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(UiWorkspace.Png, await response.Content.ReadAsByteArrayAsync());
    }
}
