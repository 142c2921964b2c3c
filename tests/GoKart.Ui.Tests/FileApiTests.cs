using System.Net;

namespace GoKart.Ui.Tests;

/// <summary>Only files inside the workspace or the experiments folder are served; everything else is 404.</summary>
[Collection(UiCollection.Name)]
public sealed class FileApiTests(UiWorkspace ws)
{
    [Fact]
    public async Task File_InsideTheWorkspace_IsServedWithItsContentType()
    {
        var (status, type, body, response) = await Http.GetAsync(ws, "/api/file?root=workspace&path=ui/numbers_" + ws.Numbers.UniqueId + ".csv&download=1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/csv", type);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(File.ReadAllText(Path.Combine(ws.Workspace, "ui", "numbers_" + ws.Numbers.UniqueId + ".csv")), body);
    }

    [Theory]
    [InlineData("ui/plot.png", "image/png")]
    [InlineData("ui/plot.svg", "image/svg+xml")]
    public async Task File_Images_AreInlineWithTheirType_AndSandboxed(string path, string expected)
    {
        var (status, type, _, response) = await Http.GetAsync(ws, "/api/file?root=workspace&path=" + Uri.EscapeDataString(path));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, type);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains("sandbox", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_Png_BytesAreTheFile()
    {
        using var client = new HttpClient();
        var bytes = await client.GetByteArrayAsync(new Uri(ws.Server.Url, "/api/file?path=ui/plot.png"));
        Assert.Equal(UiWorkspace.Png, bytes);
    }

    [Theory]
    [InlineData("root=workspace&path=../outside/secret.txt")]
    [InlineData("root=workspace&path=%2e%2e/outside/secret.txt")]
    [InlineData("root=workspace&path=%2E%2E%2Foutside%2Fsecret.txt")]
    [InlineData("root=workspace&path=ui/../../outside/secret.txt")]
    [InlineData("root=workspace&path=./ui/plot.png")]
    [InlineData("root=workspace&path=..%5Coutside%5Csecret.txt")]
    [InlineData("root=workspace&path=link-out.txt")]
    [InlineData("root=workspace&path=dir-out/secret.txt")]
    [InlineData("root=workspace&path=ui/no-such-file.csv")]
    [InlineData("root=workspace&path=")]
    [InlineData("root=workspace")]
    [InlineData("root=elsewhere&path=ui/plot.png")]
    [InlineData("root=experiments&path=../outside/secret.txt")]
    [InlineData("root=experiments&path=1/leak.txt")]
    public async Task File_OutsideOrMissing_Is404(string query)
    {
        var (status, _, body, _) = await Http.GetAsync(ws, "/api/file?" + query);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("secret outside", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_AbsolutePath_Is404()
    {
        var secret = Path.Combine(ws.Outside, "secret.txt");
        foreach (var root in new[] { "workspace", "experiments" })
        {
            var (status, _, body, _) = await Http.GetAsync(ws, $"/api/file?root={root}&path=" + Uri.EscapeDataString(secret));
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.DoesNotContain("secret outside", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task File_InTheExperimentsFolder_IsServed()
    {
        var (status, type, body, _) = await Http.GetAsync(ws, "/api/file?root=experiments&path=2/summary.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        Assert.Contains("0.4", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_OfAFolderOutside_Is404()
    {
        foreach (var id in new[] { "..", "%2e%2e", "nope" })
        {
            var (status, _, _, _) = await Http.GetAsync(ws, "/api/experiments/" + id + "/metrics");
            Assert.Equal(HttpStatusCode.NotFound, status);
        }
    }
}
