using GoKart.Storage;

namespace GoKart.Tests.Execution;

public sealed class InMemoryBuildTests
{
    [Fact]
    public void Build_InMemoryStore_WritesSameLayoutWithoutDisk()
    {
        var store = new InMemoryStore();
        var task = new AddOne { Input = new Number { Value = 2 } };

        Assert.Equal(3, Kart.Build(task, new BuildOptions { Store = store }));
        Assert.Equal(12, store.Count);
        Assert.Equal(3, Kart.Build(task, new BuildOptions { Store = store }));
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
