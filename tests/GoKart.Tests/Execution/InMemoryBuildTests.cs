using GoKart.Storage;
using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

public sealed class InMemoryBuildTests
{
    [Fact]
    public async Task Build_InMemoryStore_WritesSameLayoutWithoutDiskAndSecondBuildIsCached()
    {
        var store = new InMemoryStore();
        var counter = new RunCounter();
        var task = new AddOne { Input = new Number { Value = 2, Counter = counter }, Counter = counter };
        var number = task.Input.UniqueId;

        Assert.Equal(3, Kart.Build(task, new BuildOptions { Store = store }));
        Assert.Equal(1, counter["Number2"]);
        Assert.Equal(1, counter[nameof(AddOne)]);
        // The layout a local workspace gets: each task's output under its module path, and its five run logs.
        var paths = new List<string>();
        await foreach (var entry in store.ListAsync(string.Empty, CancellationToken.None))
        {
            paths.Add(entry.Path);
        }

        var expected = new[] { ("Number", number), ("AddOne", task.UniqueId) }.SelectMany(t => new[]
        {
            $"GoKart/Tests/Execution/{t.Item1}_{t.Item2}.json",
            $"log/module_versions/{t.Item1}_{t.Item2}.txt",
            $"log/processing_time/{t.Item1}_{t.Item2}.json",
            $"log/random_seed/{t.Item1}_{t.Item2}.json",
            $"log/task_log/{t.Item1}_{t.Item2}.json",
            $"log/task_params/{t.Item1}_{t.Item2}.json",
        });
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths.Order(StringComparer.Ordinal));

        // Second build, same store: the outputs are found complete and nothing runs again.
        Assert.Equal(3, Kart.Build(task, new BuildOptions { Store = store }));
        Assert.Equal(1, counter["Number2"]);
        Assert.Equal(1, counter[nameof(AddOne)]);
        Assert.Equal(12, store.Count);
    }

    [Fact]
    public void Workspace_UnknownScheme_IsAConfigurationErrorNamingIt()
    {
        var error = Assert.Throws<GoKartConfigurationException>(() => Kart.Build(new Number { Value = 1 }, new BuildOptions { Workspace = "gs://bucket/x" }));
        Assert.StartsWith("No workspace provider opens 'gs://' (workspace 'gs://bucket/x'); none is registered.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workspace_ProviderRejectsLocation_IsAConfigurationErrorNamingIt()
    {
        var options = new BuildOptions { Workspace = "mem://", StoreProviders = [new RejectingProvider()] };

        var error = Assert.Throws<GoKartConfigurationException>(() => Kart.Build(new Number { Value = 1 }, options));

        Assert.Equal("Workspace 'mem://': a bucket is needed", error.Message);
    }

    private sealed class RejectingProvider : IWorkspaceStoreProvider
    {
        public bool CanOpen(string location) => location.StartsWith("mem://", StringComparison.Ordinal);

        public IWorkspaceStore Open(string location) => throw new ArgumentException("a bucket is needed", nameof(location));
    }

    [Fact]
    public void ToString_ShowsLuigiStyleRepr() =>
        Assert.Equal("Number(value=5)", new Number { Value = 5 }.ToString());
}

public sealed class UnwritableWorkspaceTests : IDisposable
{
    private readonly GoKart.Tests.Support.TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Build_WorkspaceIsAFile_FailureNamesTaskAndPath()
    {
        var blocker = _dir.Combine("blocker");
        File.WriteAllText(blocker, "not a folder");

        var error = Assert.Throws<GoKartBuildException>(() => Kart.Build(new Number { Value = 1 }, new BuildOptions { Workspace = blocker }));

        var failure = Assert.Single(error.Failures);
        Assert.Equal("Number", failure.TaskName);
        Assert.Equal(new Number { Value = 1 }.UniqueId, failure.UniqueId);
        Assert.Contains(blocker, failure.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(blocker));
    }
}
