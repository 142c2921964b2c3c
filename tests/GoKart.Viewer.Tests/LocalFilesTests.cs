using GoKart.Storage;

namespace GoKart.Viewer.Tests;

/// <summary>The native look-ups a local scan makes (statx) must agree with .NET's own; nested log folders are still reported.</summary>
public sealed class LocalFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gokart-viewer-files-" + Guid.NewGuid().ToString("N"));

    public LocalFilesTests() => Directory.CreateDirectory(Path.Combine(_root, "sub"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void LocalStat_GivesFileInfosSizeAndTime_AndMissingForAbsentFilesAndFolders()
    {
        var file = Path.Combine(_root, "sub", "a.json");
        File.WriteAllText(file, "{\"x\": 12345, \"longer\": \"than the first buffer\"}");
        // A time with sub-second ticks: the stamp must round exactly as FileInfo does.
        File.SetLastWriteTimeUtc(file, new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567));
        var info = new FileInfo(file);

        using var stat = new LocalStat(_root);

        Assert.True(stat.TryStat("sub/a.json", out var size, out var ticks));
        Assert.Equal((info.Length, info.LastWriteTimeUtc.Ticks), (size, ticks));
        Assert.False(stat.TryStat("sub/missing.json", out _, out _));
        Assert.False(stat.TryStat("sub", out _, out _));

        // A pooled buffer smaller than the file: the reader replaces it with a larger one.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16);
        var length = LogFileReader.Read(file, ref buffer, stamp: true, out var readSize, out var readTicks);
        Assert.Equal(File.ReadAllText(file), System.Text.Encoding.UTF8.GetString(buffer, 0, length));
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        Assert.Equal((info.Length, info.LastWriteTimeUtc.Ticks), (readSize, readTicks));
    }

    [Fact]
    public void IoWorkers_RunEveryIndexOnce_AndRethrowTheFirstFailure()
    {
        var hits = new int[1000];
        IoWorkers.For(hits.Length, 8, i => Interlocked.Increment(ref hits[i]), default);
        Assert.All(hits, h => Assert.Equal(1, h));

        var failure = Assert.Throws<InvalidOperationException>(() => IoWorkers.For(1000, 8, i =>
        {
            if (i == 500)
            {
                throw new InvalidOperationException("index 500");
            }
        }, default));
        Assert.Equal("index 500", failure.Message);
        IoWorkers.For(0, 8, _ => throw new InvalidOperationException("no index"), default);
    }

    [Fact]
    public async Task Scan_Local_FilesInsideAKindsSubfolder_AreProblems_AndTheRunsAreListed()
    {
        var workspace = Path.Combine(_root, "ws");
        var train = new Train { Data = new Data(), Lr = 0.1, Epochs = 5 };
        Assert.Empty((await Kart.ExecuteAsync(train, new BuildOptions { Store = new LocalFileStore(workspace), Workers = 1 })).Failures);
        var nested = Path.Combine(workspace, "log", "task_log", "old", "deeper");
        Directory.CreateDirectory(nested);
        await File.WriteAllTextAsync(Path.Combine(nested, "Train_x.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(workspace, "log", "task_log", "notes.txt"), "hand-written");

        var runs = await WorkspaceIndex.Open(workspace, new WorkspaceIndexOptions { CacheDirectory = Path.Combine(_root, "cache") }).ScanAsync();

        Assert.Equal(2, runs.Runs.Count);
        Assert.Equal("GoKart.Viewer.Tests.Train", runs[train.UniqueId]!.TypeName);
        Assert.Collection(
            runs.Problems.OrderBy(p => p.Location, StringComparer.Ordinal),
            p => Assert.EndsWith("log/task_log/notes.txt", p.Location, StringComparison.Ordinal),
            p => Assert.True(p.Location.EndsWith("log/task_log/old/deeper/Train_x.json", StringComparison.Ordinal) && p.Message.StartsWith("not a run log", StringComparison.Ordinal), p.ToString()));
    }
}
