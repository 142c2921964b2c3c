using System.Text;
using GoKart.Storage;

namespace GoKart.Remote.Tests.Storage;

/// <summary>What every <see cref="IWorkspaceStore"/> must do; each backend derives once.</summary>
public abstract class StoreContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract Task<IWorkspaceStore> CreateStoreAsync();

    [Fact]
    public async Task ExistsAsync_Missing_ReturnsFalse()
    {
        var store = await CreateStoreAsync();
        Assert.False(await store.ExistsAsync("a/missing.json", None));
        Assert.Null(await store.GetLastModifiedAsync("a/missing.json", None));
    }

    [Fact]
    public async Task CommitAsync_Written_IsReadableWithSameBytes()
    {
        var store = await CreateStoreAsync();
        await WriteAsync(store, "dir/sub/x.txt", "hello");
        Assert.True(await store.ExistsAsync("dir/sub/x.txt", None));
        Assert.Equal("hello", await ReadAsync(store, "dir/sub/x.txt"));
    }

    [Fact]
    public async Task BeginWriteAsync_BeforeCommit_IsNotVisible()
    {
        var store = await CreateStoreAsync();
        await using var write = await store.BeginWriteAsync("p/pending.txt", None);
        await write.Stream.WriteAsync(Encoding.UTF8.GetBytes("partial"));
        await write.Stream.FlushAsync();
        Assert.False(await store.ExistsAsync("p/pending.txt", None));
        Assert.Empty(await ListAsync(store, "p/"));
    }

    [Fact]
    public async Task DisposeAsync_WithoutCommit_LeavesNothing()
    {
        var store = await CreateStoreAsync();
        var write = await store.BeginWriteAsync("p/abandoned.txt", None);
        await write.Stream.WriteAsync(Encoding.UTF8.GetBytes("partial"));
        await write.DisposeAsync();
        Assert.False(await store.ExistsAsync("p/abandoned.txt", None));
        Assert.Empty(await ListAsync(store, string.Empty));
    }

    [Fact]
    public async Task WriteSmallAsync_NewAndExisting_IsReadableAndReplacesLongerContent()
    {
        var store = await CreateStoreAsync();
        await store.WriteSmallAsync("log/task_log/T_1.json", Encoding.UTF8.GetBytes("{\"first\": \"longer content\"}"), None);
        await store.WriteSmallAsync("log/task_log/T_1.json", Encoding.UTF8.GetBytes("{}"), None);

        Assert.True(await store.ExistsAsync("log/task_log/T_1.json", None));
        Assert.Equal("{}", await ReadAsync(store, "log/task_log/T_1.json"));
        Assert.Equal(["log/task_log/T_1.json"], (await ListAsync(store, "log/")).Select(e => e.Path));
    }

    [Fact]
    public async Task CommitAsync_ExistingObject_ReplacesIt()
    {
        var store = await CreateStoreAsync();
        await WriteAsync(store, "r.txt", "first, longer content");
        await WriteAsync(store, "r.txt", "second");
        Assert.Equal("second", await ReadAsync(store, "r.txt"));
    }

    [Fact]
    public async Task GetLastModifiedAsync_Written_IsCloseToNow()
    {
        var store = await CreateStoreAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        await WriteAsync(store, "m.txt", "x");
        var modified = await store.GetLastModifiedAsync("m.txt", None);
        Assert.NotNull(modified);
        Assert.InRange(modified.Value, before, DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task OpenReadAsync_Missing_ThrowsFileNotFoundNamingIt()
    {
        var store = await CreateStoreAsync();
        var e = await Assert.ThrowsAsync<FileNotFoundException>(async () => await store.OpenReadAsync("no/such.json", None));
        Assert.Contains("no/such.json", e.Message);
    }

    [Fact]
    public async Task DeleteAsync_ExistingAndMissing_RemovesAndReportsWhetherFound()
    {
        var store = await CreateStoreAsync();
        await WriteAsync(store, "d.txt", "x");
        Assert.True(await store.DeleteAsync("d.txt", None));
        Assert.False(await store.ExistsAsync("d.txt", None));
        Assert.False(await store.DeleteAsync("d.txt", None));
    }

    [Fact]
    public async Task ListAsync_Prefix_ListsMatchingObjectsWithSizes()
    {
        var store = await CreateStoreAsync();
        await WriteAsync(store, "log/a.json", "12345");
        await WriteAsync(store, "log/b.json", "1");
        await WriteAsync(store, "other/c.json", "1");
        var entries = await ListAsync(store, "log/");
        Assert.Equal(["log/a.json", "log/b.json"], entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal(5, entries.Single(e => e.Path == "log/a.json").Size);
        Assert.Equal(3, (await ListAsync(store, string.Empty)).Count);
    }

    [Fact]
    public async Task Describe_Path_EndsWithPath()
    {
        var store = await CreateStoreAsync();
        Assert.EndsWith("__main__/Example_1.json", store.Describe("__main__/Example_1.json"));
    }

    [Fact]
    public async Task Build_Pipeline_WritesOutputsAndLogsInWorkspaceLayout()
    {
        var store = await CreateStoreAsync();
        var root = new Sum { Count = 3 };
        var result = await Kart.BuildAsync(root, new BuildOptions { Store = store, Workers = 2 });
        Assert.Equal(0 + 1 + 2, result);

        var paths = (await ListAsync(store, string.Empty)).Select(e => e.Path).ToHashSet();
        var name = $"Sum_{root.UniqueId}";
        Assert.Contains($"GoKart/Remote/Tests/Storage/{name}.json", paths);
        foreach (var log in new[] { "module_versions/" + name + ".txt", "processing_time/" + name + ".json", "random_seed/" + name + ".json", "task_log/" + name + ".json", "task_params/" + name + ".json" })
        {
            Assert.Contains("log/" + log, paths);
        }

        Assert.Equal(4, paths.Count(p => p.StartsWith("log/task_params/", StringComparison.Ordinal)));
        var again = await Kart.ExecuteAsync(root, new BuildOptions { Store = store });
        Assert.DoesNotContain(again.Tasks, t => t.Status == TaskRunStatus.Succeeded);
        Assert.Equal(3, again.RootOutput);
    }

    protected static async Task WriteAsync(IWorkspaceStore store, string path, string text)
    {
        await using var write = await store.BeginWriteAsync(path, None);
        await write.Stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await write.CommitAsync(None);
    }

    protected static async Task<string> ReadAsync(IWorkspaceStore store, string path)
    {
        await using var stream = await store.OpenReadAsync(path, None);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    protected static async Task<List<StoreEntry>> ListAsync(IWorkspaceStore store, string prefix)
    {
        var list = new List<StoreEntry>();
        await foreach (var entry in store.ListAsync(prefix, None))
        {
            list.Add(entry);
        }

        return list;
    }
}

public sealed class Item : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override int Run() => Index;
}

public sealed class Sum : TaskOnKart<int>
{
    public int Count { get; init; }

    protected override Dependencies Requires() => Enumerable.Range(0, Count).Select(i => (TaskOnKart)new Item { Index = i }).ToList();

    protected override int Run() => Load<int>(Enumerable.Range(0, Count).Select(i => new Item { Index = i })).Sum();
}
