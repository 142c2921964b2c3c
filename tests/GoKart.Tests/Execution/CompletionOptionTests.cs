using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

public sealed class CompletionOptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private AddOne Chain(RunCounter counter) => new() { Input = new Number { Value = 1, Counter = counter }, Counter = counter };

    [Fact]
    public void Rerun_RootOnly_RunsRootAgainButNotItsCompleteInputs()
    {
        var counter = new RunCounter();
        Kart.Build(Chain(counter), new BuildOptions { Workspace = _dir.Path });
        Kart.Build(Chain(counter), new BuildOptions { Workspace = _dir.Path, Rerun = true });

        Assert.Equal(2, counter[nameof(AddOne)]);
        Assert.Equal(1, counter["Number1"]);
    }

    [Fact]
    public void RerunAll_RunsWholeGraphAgain()
    {
        var counter = new RunCounter();
        Kart.Build(Chain(counter), new BuildOptions { Workspace = _dir.Path });
        Kart.Build(Chain(counter), new BuildOptions { Workspace = _dir.Path, RerunAll = true });

        Assert.Equal(2, counter[nameof(AddOne)]);
        Assert.Equal(2, counter["Number1"]);
    }

    [Fact]
    public void StrictCheck_MissingInput_MakesCompleteTaskRunAgain()
    {
        var counter = new RunCounter();
        Kart.Build(Chain(counter), new BuildOptions { Workspace = _dir.Path });
        File.Delete(_dir.Combine($"GoKart/Tests/Execution/Number_{new Number { Value = 1 }.UniqueId}.json"));

        Kart.Build(Chain(counter), new BuildOptions { Workspace = _dir.Path });
        Assert.Equal(1, counter[nameof(AddOne)]);

        Kart.Build(Chain(counter), new BuildOptions { Workspace = _dir.Path, StrictCheck = true });
        Assert.Equal(2, counter[nameof(AddOne)]);
        Assert.Equal(2, counter["Number1"]);
    }

    [Fact]
    public void ModificationTimeCheck_NewerInput_MakesTaskRunAgain()
    {
        var counter = new RunCounter();
        var options = new BuildOptions { Workspace = _dir.Path, ModificationTimeCheck = true };
        Kart.Build(Chain(counter), options);
        Kart.Build(Chain(counter), options);
        Assert.Equal(1, counter[nameof(AddOne)]);

        File.SetLastWriteTimeUtc(_dir.Combine($"GoKart/Tests/Execution/Number_{new Number { Value = 1 }.UniqueId}.json"), DateTime.UtcNow.AddMinutes(5));
        Kart.Build(Chain(counter), options);
        Assert.Equal(2, counter[nameof(AddOne)]);
    }

    [Fact]
    public void FailOnEmptyDump_EmptyList_FailsAndWritesNothing()
    {
        var error = Assert.Throws<GoKartBuildException>(() => Kart.Build(new EmptyList(), new BuildOptions { Workspace = _dir.Path, FailOnEmptyDump = true }));
        Assert.Contains("empty", error.Failures.Single().Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_dir.Files());

        Assert.Empty(Kart.Build(new EmptyList(), new BuildOptions { Workspace = _dir.Path }));
    }

    [Fact]
    public void InsignificantTask_DoesNotChangeDependentIds()
    {
        var a = new UsesSettings { Config = new Settings { Level = 1 } };
        var b = new UsesSettings { Config = new Settings { Level = 2 } };

        Assert.NotEqual(a.Config.UniqueId, b.Config.UniqueId);
        Assert.Equal(a.UniqueId, b.UniqueId);
    }

    [Fact]
    public void CodeVersion_ExplicitVersion_ChangesId()
    {
        var plain = GoKart.Hashing.UniqueIdHasher.Compute([], [], "VersionOne", null);
        Assert.NotEqual(plain, new VersionOne().UniqueId);
        Assert.Equal(GoKart.Hashing.UniqueIdHasher.Compute([], [], "VersionOne", "version=1"), new VersionOne().UniqueId);
    }

    [Fact]
    public void CodeVersion_TrackCode_UsesTheSourceHashTheGeneratorRecorded()
    {
        var recorded = typeof(Tracked).Assembly.GetCustomAttributes(typeof(TaskSourceHashAttribute), false).Cast<TaskSourceHashAttribute>().ToList();
        var tracked = Assert.Single(recorded, a => a.TypeName == typeof(Tracked).FullName).Hash;
        var other = Assert.Single(recorded, a => a.TypeName == typeof(TrackedOther).FullName).Hash;

        Assert.NotEqual(tracked, other);
        Assert.Equal(GoKart.Hashing.UniqueIdHasher.Compute([], [], "Tracked", "source=" + tracked), new Tracked().UniqueId);
    }

    [Fact]
    public void CodeVersion_TrackCodeWithoutGenerator_FallsBackToTheIlFingerprint()
    {
        var tracked = GoKart.Descriptors.CodeFingerprint.Compute(typeof(Tracked));
        Assert.Equal(tracked, GoKart.Descriptors.CodeFingerprint.Compute(typeof(Tracked)));
        Assert.NotEqual(tracked, GoKart.Descriptors.CodeFingerprint.Compute(typeof(TrackedOther)));
        Assert.Null(GoKart.Descriptors.CodeFingerprint.SourceHash(typeof(VersionOne)));
        Assert.Equal(
            "il=" + GoKart.Descriptors.CodeFingerprint.Compute(typeof(VersionOne)),
            GoKart.Descriptors.CodeFingerprint.Describe(typeof(VersionOne), new CodeVersionAttribute { TrackCode = true }));
    }
}
