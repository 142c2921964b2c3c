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
    public async Task Scan_Local_WorkspaceWithNoRunYet_ListsNothing_ColdAndWarm()
    {
        // What `gokart ui` sees when it starts before the first build has recorded a run: only a build journal.
        Directory.CreateDirectory(Path.Combine(Workspace, ".gokart", "builds"));
        await File.WriteAllTextAsync(Path.Combine(Workspace, ".gokart", "builds", "b.jsonl"), "{}\n");
        Directory.CreateDirectory(Path.Combine(Workspace, "log", "task_log"));

        var cold = await ScanAsync();
        var warm = await ScanAsync();

        Assert.Empty(cold.Query(new RunQuery()).Runs);
        Assert.Empty(warm.Query(new RunQuery()).Runs);
        Assert.Empty(warm.Problems);
    }

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

    /// <summary>Every folder of the workspace an hour old, as if written long before the scan (folder times then count as settled).</summary>
    private void AgeFolders()
    {
        var past = DateTime.UtcNow.AddHours(-1);
        foreach (var folder in Directory.EnumerateDirectories(Workspace, "*", SearchOption.AllDirectories))
        {
            Directory.SetLastWriteTimeUtc(folder, past);
        }
    }

    [Fact]
    public async Task Scan_Local_SettledFolders_TakeNamesAndSizesFromTheCache_AndStillSeeEveryChange()
    {
        var train = new Train { Data = new Data(), Lr = 0.1, Epochs = 5 };
        var report = await Kart.ExecuteAsync(train, new BuildOptions { Store = new LocalFileStore(Workspace), TimeProvider = _time, Workers = 1 });
        Assert.Empty(report.Failures);
        AgeFolders();
        var cold = await ScanAsync();
        var data = new Data();
        var dataOutput = cold[data.UniqueId]!.Outputs[0];
        Assert.Equal(new FileInfo(Path.Combine(Workspace, dataOutput.Path!)).Length, dataOutput.Size);

        // Unchanged folders and task_log: the cached run is used, so a same-size, same-time edit of another log is not read.
        var times = Path.Combine(Workspace, $"log/processing_time/Train_{train.UniqueId}.json");
        var stamp = File.GetLastWriteTimeUtc(times);
        await File.WriteAllTextAsync(times, new string(' ', (int)new FileInfo(times).Length));
        File.SetLastWriteTimeUtc(times, stamp);
        var warm = await ScanAsync();
        Assert.Equal(cold.Runs, warm.Runs, new RunEquality());

        // task_log rewritten in place (its folder's time unchanged): seen through task_log's own stamp.
        var log = Path.Combine(Workspace, $"log/task_log/Train_{train.UniqueId}.json");
        var logFolder = Path.GetDirectoryName(log)!;
        var logFolderTime = Directory.GetLastWriteTimeUtc(logFolder);
        var node = JsonNode.Parse(await File.ReadAllTextAsync(log))!.AsObject();
        node["type"] = "Elsewhere.Train";
        await File.WriteAllTextAsync(log, node.ToJsonString());
        Directory.SetLastWriteTimeUtc(logFolder, logFolderTime);
        Assert.Equal("Elsewhere.Train", (await ScanAsync())[train.UniqueId]!.TypeName);

        // A log deleted from a settled folder, an output deleted, an output replaced with another size.
        AgeFolders();
        await ScanAsync();
        File.Delete(Path.Combine(Workspace, $"log/random_seed/Train_{train.UniqueId}.json"));
        File.Delete(Path.Combine(Workspace, cold[train.UniqueId]!.Outputs[0].Path!));
        var replaced = Path.Combine(Workspace, dataOutput.Path! + ".new");
        await File.WriteAllTextAsync(replaced, "[1,2,3,4,5,6,7,8,9,10]");
        File.Move(replaced, Path.Combine(Workspace, dataOutput.Path!), overwrite: true);
        var changed = await ScanAsync();
        Assert.Null(changed[train.UniqueId]!.RandomSeed);
        Assert.False(changed[train.UniqueId]!.OutputsPresent);
        Assert.Equal(22, changed[data.UniqueId]!.Outputs[0].Size);
        Assert.Equal(["log/module_versions", "log/processing_time", "log/task_log", "log/task_params"], changed[train.UniqueId]!.LogPaths.Select(p => p[..p.LastIndexOf('/')]));

        // A new run in settled folders.
        AgeFolders();
        await ScanAsync();
        var other = new Train { Data = new Data(), Lr = 0.2, Epochs = 5 };
        Assert.Empty((await Kart.ExecuteAsync(other, new BuildOptions { Store = new LocalFileStore(Workspace), TimeProvider = _time, Workers = 1 })).Failures);
        var grown = await ScanAsync();
        Assert.Equal(3, grown.Runs.Count);
        Assert.Equal("0.2", grown[other.UniqueId]!.Parameter("lr"));
        Assert.Equal(5, grown[other.UniqueId]!.LogPaths.Count);
    }

    [Fact]
    public async Task Scan_Local_OlderOrDamagedCacheFile_IsIgnored()
    {
        var train = new Train { Data = new Data(), Lr = 0.1, Epochs = 5 };
        Assert.Empty((await Kart.ExecuteAsync(train, new BuildOptions { Store = new LocalFileStore(Workspace), TimeProvider = _time, Workers = 1 })).Failures);
        var expected = await ScanAsync();
        var file = Assert.Single(Directory.GetFiles(Cache));
        var bytes = await File.ReadAllBytesAsync(file);

        // Version 5's layout began with a length-prefixed magic string.
        await File.WriteAllBytesAsync(file, [18, .. "gokart-run-index-5"u8, 0, 0, 0, 0]);
        Assert.Equal(expected.Runs, (await ScanAsync()).Runs, new RunEquality());
        foreach (var cut in new[] { 20, bytes.Length / 2, bytes.Length - 1 })
        {
            await File.WriteAllBytesAsync(file, bytes[..cut]);
            Assert.Equal(expected.Runs, (await ScanAsync()).Runs, new RunEquality());
        }
    }

    [Fact]
    public async Task Scan_Local_UnreadableAndDamagedLogs_AreNamed_AndTheRunIsListed()
    {
        var train = new Train { Data = new Data(), Lr = 0.1, Epochs = 5 };
        Assert.Empty((await Kart.ExecuteAsync(train, new BuildOptions { Store = new LocalFileStore(Workspace), TimeProvider = _time, Workers = 1 })).Failures);
        var seed = Path.Combine(Workspace, $"log/random_seed/Train_{train.UniqueId}.json");
        File.Delete(seed);
        File.CreateSymbolicLink(seed, Path.Combine(_root, "nowhere.json"));
        var parameters = Path.Combine(Workspace, $"log/task_params/Train_{train.UniqueId}.json");
        await File.WriteAllTextAsync(parameters, "{\"lr\": ");

        var runs = await ScanAsync();

        Assert.Equal(2, runs.Runs.Count);
        Assert.Null(runs[train.UniqueId]!.RandomSeed);
        Assert.Empty(runs[train.UniqueId]!.Parameters);
        Assert.NotNull(runs[train.UniqueId]!.End);
        Assert.Collection(
            runs.Problems,
            p => Assert.True(p.Location == seed && p.Message.StartsWith("unreadable: ", StringComparison.Ordinal) && p.Message.Contains(seed, StringComparison.Ordinal), p.ToString()),
            p => Assert.True(p.Location == parameters && p.Message.StartsWith("unreadable: ", StringComparison.Ordinal), p.ToString()));
    }
}
