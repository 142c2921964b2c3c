using GoKart.Storage;
using GoKart.Tests.Support;

namespace GoKart.Tests.Storage;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BeginWrite_DisposedWithoutCommit_LeavesNothing()
    {
        var store = new LocalFileStore(_dir.Path);
        await using (var write = await store.BeginWriteAsync("a/b.txt", default))
        {
            await write.Stream.WriteAsync("partial"u8.ToArray());
        }

        Assert.False(await store.ExistsAsync("a/b.txt", default));
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public async Task BeginWrite_NothingVisibleUntilCommit_ThenReplacesAtomically()
    {
        var store = new LocalFileStore(_dir.Path);
        await Write(store, "x.txt", "old");
        await using (var write = await store.BeginWriteAsync("x.txt", default))
        {
            await write.Stream.WriteAsync("new"u8.ToArray());
            Assert.Equal("old", await Read(store, "x.txt"));
            await write.CommitAsync(default);
        }

        Assert.Equal("new", await Read(store, "x.txt"));
        Assert.Equal(["x.txt"], _dir.Files());
    }

    [Fact]
    public async Task List_SkipsTemporaryFilesAndFiltersByPrefix()
    {
        var store = new LocalFileStore(_dir.Path);
        await Write(store, "log/a.json", "1");
        await Write(store, "data/b.json", "22");
        await using var pending = await store.BeginWriteAsync("log/c.json", default);

        var entries = new List<StoreEntry>();
        await foreach (var entry in store.ListAsync("log/", default))
        {
            entries.Add(entry);
        }

        Assert.Equal(["log/a.json"], entries.Select(e => e.Path));
        Assert.Equal(1, entries[0].Size);
        Assert.NotNull(await store.GetLastModifiedAsync("data/b.json", default));
        Assert.True(await store.DeleteAsync("data/b.json", default));
        Assert.False(await store.DeleteAsync("data/b.json", default));
    }

    [Fact]
    public async Task List_PrefixIntoSubfoldersOrPartialNames_MatchesWhatAFullScanFilterWould()
    {
        var store = new LocalFileStore(_dir.Combine("ws"));
        await Write(store, "log/task_log/A_1.json", "1");
        await Write(store, "log/task_params/A_1.json", "22");
        await Write(store, "top.json", "333");
        File.WriteAllText(_dir.Combine("outside.json"), "secret");

        async Task<string[]> List(string prefix)
        {
            var paths = new List<string>();
            await foreach (var entry in store.ListAsync(prefix, default))
            {
                paths.Add(entry.Path);
            }

            return [.. paths.Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["log/task_log/A_1.json", "log/task_params/A_1.json", "top.json"], await List(string.Empty));
        Assert.Equal(["log/task_log/A_1.json"], await List("log/task_l"));
        Assert.Equal(["log/task_params/A_1.json"], await List("log/task_params/"));
        Assert.Empty(await List("log/nothing/"));
        Assert.Empty(await List("../outside"));
        Assert.Empty(await List("log/../../outside"));
    }

    [Fact]
    public async Task Paths_EscapingTheWorkspace_AreRejected()
    {
        var store = new LocalFileStore(_dir.Path);
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.BeginWriteAsync("../evil.txt", default));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.ExistsAsync("/etc/passwd", default));
    }

    [Fact]
    public async Task OpenRead_Missing_NamesTheFile()
    {
        var store = new LocalFileStore(_dir.Path);
        var error = await Assert.ThrowsAsync<FileNotFoundException>(async () => await store.OpenReadAsync("nope.json", default));
        Assert.Contains("nope.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streams_ArraySegmentsAndSpans_WriteAndReadTheSameBytes()
    {
        // Arrays take NativeFile's precompiled (pinned) calls, spans the by-ref ones: both must land at the same offsets.
        var store = new LocalFileStore(_dir.Path);
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        await using (var write = await store.BeginWriteAsync("mixed.bin", default))
        {
            write.Stream.Write(bytes, 0, 1000);
            write.Stream.Write(bytes.AsSpan(1000, 1000));
            await write.Stream.WriteAsync(bytes.AsMemory(2000, 100_000));
#pragma warning disable CA1835 // The array overload is the one under test.
            await write.Stream.WriteAsync(bytes, 102_000, 198_000);
#pragma warning restore CA1835
            await write.CommitAsync(default);
        }

        await using var stream = await store.OpenReadAsync("mixed.bin", default);
        var back = new byte[bytes.Length + 10];
        Assert.Equal(10, stream.Read(back, 5, 10));
        Assert.Equal(10, stream.Read(back.AsSpan(15, 10)));
        var rest = 25;
        int read;
        while ((read = await stream.ReadAsync(back.AsMemory(rest, Math.Min(4096, back.Length - rest)))) > 0)
        {
            rest += read;
        }

        Assert.Equal(bytes.Length + 5, rest);
        Assert.Equal(bytes, back[5..(bytes.Length + 5)]);
        Assert.Equal(0, stream.Read(back, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Read(back, back.Length - 1, 2));
    }

    [Fact]
    public async Task Commit_IntoAFolderRemovedMeanwhile_FailsNamingTheFile()
    {
        var store = new LocalFileStore(_dir.Path);
        var write = await store.BeginWriteAsync("gone/out.txt", default);
        await write.Stream.WriteAsync("x"u8.ToArray());
        Directory.Delete(Path.Combine(_dir.Path, "gone"), recursive: true);
        var error = await Assert.ThrowsAnyAsync<IOException>(async () => await write.CommitAsync(default));
        Assert.Contains("out.txt", error.Message, StringComparison.Ordinal);

        // The usual `await using` then disposes the failed write: that must not hide the commit's error with its own.
        await write.DisposeAsync();
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "gone")));
    }

    [Fact]
    public async Task WriteSmall_ArrayBackedAndSliced_WritesJustTheSlice()
    {
        var store = new LocalFileStore(_dir.Path);
        await store.WriteSmallAsync("log/a.json", "xx{}yy"u8.ToArray().AsMemory(2, 2), default);
        Assert.Equal("{}", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "log/a.json")));
    }

    private static async Task Write(IWorkspaceStore store, string path, string text)
    {
        await using var write = await store.BeginWriteAsync(path, default);
        await write.Stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));
        await write.CommitAsync(default);
    }

    private static async Task<string> Read(IWorkspaceStore store, string path)
    {
        await using var stream = await store.OpenReadAsync(path, default);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
