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
    public void Workspace_UnknownScheme_IsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => Kart.Build(new Number { Value = 1 }, new BuildOptions { Workspace = "gs://bucket/x" }));
        Assert.Contains("gs://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ShowsLuigiStyleRepr() =>
        Assert.Equal("Number(value=5)", new Number { Value = 5 }.ToString());
}
