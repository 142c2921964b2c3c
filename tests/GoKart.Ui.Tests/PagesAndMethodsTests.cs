using System.Net;

namespace GoKart.Ui.Tests;

/// <summary>Pages and assets come from the assembly; only GET and HEAD are answered; the server binds loopback.</summary>
[Collection(UiCollection.Name)]
public sealed class PagesAndMethodsTests(UiWorkspace ws)
{
    [Fact]
    public void Server_BindsLoopbackByDefault()
    {
        Assert.Equal("127.0.0.1", ws.Server.Url.Host);
        Assert.True(ws.Server.Url.Port > 0);
    }

    [Fact]
    public async Task Start_OnATakenPort_IsAnIOExceptionNamingTheAddress()
    {
        var e = await Assert.ThrowsAsync<IOException>(() => UiServer.StartAsync(new UiOptions { Workspace = ws.Workspace, Port = ws.Server.Url.Port, CacheDirectory = Path.Combine(ws.Root, "cache") }));
        Assert.Contains(ws.Server.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/runs")]
    [InlineData("/run/abc")]
    [InlineData("/graph/abc")]
    [InlineData("/experiments")]
    [InlineData("/live")]
    [InlineData("/live/abc")]
    public async Task Pages_AreTheShell_WithoutData_AndAStrictPolicy(string path)
    {
        var (status, type, body, response) = await Http.GetAsync(ws, path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", type);
        Assert.Contains("<script src=\"/assets/app.js\"></script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", body.Replace("http://www.w3.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", body, StringComparison.Ordinal);
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("app.js", "text/javascript")]
    [InlineData("dom.js", "text/javascript")]
    [InlineData("graph.js", "text/javascript")]
    [InlineData("plot.js", "text/javascript")]
    [InlineData("runs.js", "text/javascript")]
    [InlineData("run.js", "text/javascript")]
    [InlineData("experiments.js", "text/javascript")]
    [InlineData("live.js", "text/javascript")]
    [InlineData("app.css", "text/css")]
    public async Task Assets_AreEmbedded_AndLoadNothingFromElsewhere(string name, string expected)
    {
        var (status, type, body, _) = await Http.GetAsync(ws, "/assets/" + name);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, type);
        Assert.DoesNotContain("https://", body, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/assets/nope.js")]
    [InlineData("/assets/index.cs")]
    [InlineData("/nope")]
    [InlineData("/api/nope")]
    public async Task Unknown_Is404(string path) => Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(ws, path)).Status);

    [Theory]
    [InlineData("POST", "/api/runs")]
    [InlineData("PUT", "/api/runs")]
    [InlineData("DELETE", "/api/runs/Compare")]
    [InlineData("PATCH", "/api/file?path=ui/plot.png")]
    [InlineData("POST", "/")]
    [InlineData("DELETE", "/api/builds/" + UiWorkspace.FinishedBuild)]
    [InlineData("POST", "/api/nope")]
    [InlineData("OPTIONS", "/api/experiments")]
    public async Task NonGet_Is405_AndChangesNothing(string method, string path)
    {
        var before = Directory.GetFiles(ws.Workspace, "*", SearchOption.AllDirectories).Length;
        var (status, _, _, response) = await Http.GetAsync(ws, path, new HttpMethod(method));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal("GET, HEAD", response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : string.Join(", ", response.Headers.GetValues("Allow")));
        Assert.Equal(before, Directory.GetFiles(ws.Workspace, "*", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData("/api/runs")]
    [InlineData("/runs")]
    [InlineData("/api/experiments")]
    [InlineData("/api/builds")]
    public async Task Head_IsAnswered(string path) => Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(ws, path, HttpMethod.Head)).Status);
}
