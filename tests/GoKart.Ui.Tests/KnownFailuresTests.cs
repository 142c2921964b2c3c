using System.Net.Http.Json;
using System.Text.Json;
using GoKart.Storage;

namespace GoKart.Ui.Tests;

/// <summary>The run graph shows a task as failed when the newest journal that mentions it says so and its outputs are not there.</summary>
public sealed class KnownFailuresTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gokart-ui-failed-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Graph_MarksKnownFailures_ButNotCompleteRuns()
    {
        var workspace = Path.Combine(_root, "ws");
        var numbers = new Numbers { Rows = 2 };
        var fit = new Fit { Data = numbers };
        Assert.Empty((await Kart.ExecuteAsync(fit, new BuildOptions { Store = new LocalFileStore(workspace), Workers = 1, ReadConfigFiles = false })).Failures);
        foreach (var output in Directory.GetFiles(workspace, "Fit_" + fit.UniqueId + ".*", SearchOption.AllDirectories).Where(f => !f.Contains("/log/", StringComparison.Ordinal)))
        {
            File.Delete(output);
        }

        // Numbers failed in an older journal and was done in the newest; Fit failed in the newest.
        var builds = Path.Combine(workspace, ".gokart", "builds");
        Directory.CreateDirectory(builds);
        string Plan(string numbersState, string fitState) =>
            "{\"event\":\"plan\",\"build\":\"b\",\"time\":\"2026-12-02T16:00:00+00:00\",\"workers\":1,\"root\":1,\"tasks\":["
            + $"{{\"task\":\"Numbers\",\"type\":\"Numbers\",\"id\":\"{numbers.UniqueId}\",\"requires\":[],\"state\":\"pending\"}},"
            + $"{{\"task\":\"Fit\",\"type\":\"Fit\",\"id\":\"{fit.UniqueId}\",\"requires\":[0],\"state\":\"pending\"}}]}}\n"
            + $"{{\"event\":\"{numbersState}\",\"n\":0}}\n" + (fitState.Length > 0 ? $"{{\"event\":\"{fitState}\",\"n\":1}}\n" : string.Empty);
        await File.WriteAllTextAsync(Path.Combine(builds, "20261201T000000000Z-1-aaaa.jsonl"), Plan("failed", string.Empty));
        await File.WriteAllTextAsync(Path.Combine(builds, "20261202T000000000Z-1-bbbb.jsonl"), Plan("done", "failed"));

        await using var server = await UiServer.StartAsync(new UiOptions { Workspace = workspace, CacheDirectory = Path.Combine(_root, "cache") });
        using var client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };
        var graph = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{fit.UniqueId}/graph");
        var states = graph.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("task").GetString()!, n => n.GetProperty("state").GetString());
        Assert.Equal("failed", states["Fit"]);
        Assert.Equal("complete", states["Numbers"]);
    }
}
