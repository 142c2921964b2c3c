using System.Text.Json.Nodes;
using GoKart.Storage;

namespace GoKart.Viewer.Tests;

/// <summary>A local workspace takes the fast listing (names only, one stat per run): changes must still be seen.</summary>
public sealed class LocalScanTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gokart-viewer-local-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTime _time = new(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));

    private string Workspace => Path.Combine(_root, "ws");

    private string Cache => Path.Combine(_root, "cache");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task<WorkspaceRuns> ScanAsync() => WorkspaceIndex.Open(Workspace, new WorkspaceIndexOptions { CacheDirectory = Cache }).ScanAsync();

    [Fact]
    public async Task Scan_Local_UsesTheCache_AndSeesRewrittenAndRemovedLogs()
    {
        var train = new Train { Data = new Data(), Lr = 0.1, Epochs = 5 };
        var report = await Kart.ExecuteAsync(train, new BuildOptions { Store = new LocalFileStore(Workspace), TimeProvider = _time, Workers = 1 });
        Assert.Empty(report.Failures);
        var cold = await ScanAsync();
        Assert.Equal("GoKart.Viewer.Tests.Train", cold[train.UniqueId]!.TypeName);
        var end = cold[train.UniqueId]!.End;
        Assert.NotNull(end);

        // Same size and time, new bytes: an unchanged stamp, so the cached run is used and this file is not read.
        var times = Path.Combine(Workspace, $"log/processing_time/Train_{train.UniqueId}.json");
        var stamp = File.GetLastWriteTimeUtc(times);
        await File.WriteAllTextAsync(times, new string(' ', (int)new FileInfo(times).Length));
        File.SetLastWriteTimeUtc(times, stamp);
        var warm = await ScanAsync();
        Assert.Equal(end, warm[train.UniqueId]!.End);
        Assert.Empty(warm.Problems);

        var log = Path.Combine(Workspace, $"log/task_log/Train_{train.UniqueId}.json");
        var node = JsonNode.Parse(await File.ReadAllTextAsync(log))!.AsObject();
        node["type"] = "Elsewhere.Train";
        await File.WriteAllTextAsync(log, node.ToJsonString());
        File.SetLastWriteTimeUtc(log, stamp.AddMinutes(5));
        var rewritten = await ScanAsync();
        Assert.Equal("Elsewhere.Train", rewritten[train.UniqueId]!.TypeName);
        Assert.Equal("Elsewhere", rewritten[train.UniqueId]!.Namespace);

        Assert.NotNull(rewritten[train.UniqueId]!.RandomSeed);
        File.Delete(Path.Combine(Workspace, $"log/random_seed/Train_{train.UniqueId}.json"));
        var removed = await ScanAsync();
        Assert.Null(removed[train.UniqueId]!.RandomSeed);
        Assert.Equal("Elsewhere.Train", removed[train.UniqueId]!.TypeName);
    }
}
