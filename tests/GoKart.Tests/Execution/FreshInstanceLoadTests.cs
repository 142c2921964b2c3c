using GoKart.Storage;
using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

/// <summary>Tasks that load requirements through fresh instances (gokart's <c>Chain(index=i - 1)</c> habit).</summary>
public sealed class FreshInstanceLoadTests
{
    [Fact]
    public void Chain_LoadingFreshParents_AsksEachTaskForItsRequirementsOnce()
    {
        var counter = new RunCounter();
        const int length = 60;

        var result = Kart.Build(new FreshStep { Index = length - 1, Counter = counter }, new BuildOptions { Store = new InMemoryStore() });

        Assert.Equal(length - 1, result);
        Assert.Equal(length, counter["run"]);
        // Planning asks each of the 60 tasks once. Resolving a fresh parent by its id instead would plan its whole
        // sub-chain again: 59 + 58 + ... more calls, quadratic in the length.
        Assert.Equal(length, counter["requires"]);
    }

    [Fact]
    public void FreshInstance_NotRequired_IsStillAnErrorNamingBoth()
    {
        var error = Assert.Throws<GoKartBuildException>(() => Kart.Build(new FreshStep { Index = 1, Counter = new RunCounter(), LoadOffset = 2 }, new BuildOptions { Store = new InMemoryStore() }));

        Assert.Contains("FreshStep", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("does not require", error.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>Loads its parent through a new instance made in <see cref="Run"/>, not the one <see cref="Requires"/> returned.</summary>
public sealed class FreshStep : TaskOnKart<int>
{
    public int Index { get; init; }

    [NotParameter]
    public RunCounter Counter { get; init; } = new();

    /// <summary>Which earlier step Run loads (1: its parent, as Requires says).</summary>
    [NotParameter]
    public int LoadOffset { get; init; } = 1;

    protected override Dependencies Requires()
    {
        Counter.Hit("requires");
        return Index > 0 ? new TaskOnKart[] { new FreshStep { Index = Index - 1, Counter = Counter } } : Dependencies.None;
    }

    protected override int Run()
    {
        Counter.Hit("run");
        return Index == 0 ? 0 : Load(new FreshStep { Index = Index - LoadOffset, Counter = Counter }) + 1;
    }
}
