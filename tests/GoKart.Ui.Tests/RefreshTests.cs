using System.Net.Http.Json;
using System.Text.Json;
using GoKart.Storage;

namespace GoKart.Ui.Tests;

/// <summary>Runs built while the page is up appear without restarting it (a background, incremental rescan).</summary>
public sealed class RefreshTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gokart-ui-refresh-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task NewRuns_AppearAfterARescan()
    {
        var workspace = Path.Combine(_root, "ws");
        var build = new BuildOptions { Store = new LocalFileStore(workspace), Workers = 1, ReadConfigFiles = false };
        Assert.Empty((await Kart.ExecuteAsync(new Numbers { Rows = 2 }, build)).Failures);
        await using var server = await UiServer.StartAsync(new UiOptions { Workspace = workspace, CacheDirectory = Path.Combine(_root, "cache"), RefreshInterval = TimeSpan.Zero });
        using var client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(1, await TotalAsync(client));

        Assert.Empty((await Kart.ExecuteAsync(new Numbers { Rows = 3 }, build)).Failures);
        // Each request answers from the last scan and starts the next one; poll until the new run shows (bounded).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var total = 1;
        while (total == 1 && DateTime.UtcNow < deadline)
        {
            total = await TotalAsync(client);
        }

        Assert.Equal(2, total);
    }

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/runs")).GetProperty("total").GetInt32();
}
