using System.Text.Json.Nodes;

namespace GoKart.Experiments.Tests;

public sealed class ExperimentTests : IDisposable
{
    private static readonly Dictionary<string, object?> Args = new() { ["lr"] = 0.1, ["epochs"] = 3 };
    private readonly TempGitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Constructor_TrackedFileModified_ThrowsDirtyRepoExceptionAndCreatesNothing()
    {
        _repo.Write("train.txt", "v2\n");

        Assert.Throws<DirtyRepoException>(() => new Experiment(_repo.Options(), Args));
        Assert.False(Directory.Exists(Path.Combine(_repo.ExperimentsPath, "1")));
    }

    [Fact]
    public void Constructor_StagedChange_ThrowsDirtyRepoException()
    {
        _repo.Write("train.txt", "v2\n");
        _repo.Git("add", "train.txt");

        Assert.Throws<DirtyRepoException>(() => new Experiment(_repo.Options(), Args));
    }

    [Fact]
    public void Constructor_OnlyUntrackedFiles_Records()
    {
        _repo.Write("notes.txt", "untracked\n");

        using var experiment = new Experiment(_repo.Options(), Args);

        Assert.Equal("1", experiment.Id);
    }

    [Fact]
    public void Constructor_AllowDirty_RecordsDiffAsPatch()
    {
        _repo.Write("train.txt", "v2\n");

        using (new Experiment(_repo.Options(allowDirty: true), Args))
        {
        }

        var patch = _repo.Read("1", "uncommitted.patch");
        Assert.Contains("-v1", patch);
        Assert.Contains("+v2", patch);
        Assert.True(JsonNode.Parse(_repo.Read("1", "metadata.json"))!["uncommitted-changes"]!.GetValue<bool>());
        Assert.Equal("v2\n", File.ReadAllText(Path.Combine(_repo.Path, "train.txt")));
    }

    [Fact]
    public void Constructor_NotAGitRepository_ThrowsExperimentException()
    {
        var plain = Path.Combine(Path.GetTempPath(), "gokart-nogit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(plain);
        try
        {
            var e = Assert.Throws<ExperimentException>(() => new Experiment(new ExperimentOptions { ProjectDirectory = plain }, Args));
            Assert.Contains("not inside a git repository", e.Message);
        }
        finally
        {
            Directory.Delete(plain, recursive: true);
        }
    }

    [Fact]
    public void Constructor_Recording_WritesArgsMetadataAndRunningStatus()
    {
        using var experiment = new Experiment(_repo.Options(description: "baseline"), Args, new Dictionary<string, object?> { ["lr"] = 0.01, ["epochs"] = 10 });

        Assert.Equal("RUNNING\n", _repo.Read("1", "STATUS"));
        Assert.Equal(0.1, JsonNode.Parse(_repo.Read("1", "args.json"))!["lr"]!.GetValue<double>());
        Assert.Equal(10, JsonNode.Parse(_repo.Read("1", "default_args.json"))!["epochs"]!.GetValue<int>());
        var metadata = JsonNode.Parse(_repo.Read("1", "metadata.json"))!;
        Assert.Equal(_repo.Head, metadata["githead-sha"]!.GetValue<string>());
        Assert.Equal("first commit\n", metadata["githead-message"]!.GetValue<string>());
        Assert.Equal("baseline", metadata["description"]!.GetValue<string>());
        Assert.Equal(["train", "--test"], metadata["command"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(Environment.ProcessId, metadata["pid"]!.GetValue<int>());
        Assert.Equal(Environment.MachineName, metadata["host"]!.GetValue<string>());
        Assert.Null(metadata["end-time"]);
        Assert.Contains("GoKart.Experiments", metadata["packages"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Dispose_AfterRun_WritesStartAndEndTimeWithOffset()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus9", TimeSpan.FromHours(9), "plus9", "plus9");
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 5, 1, 1, 0, 0, TimeSpan.Zero), zone);
        var options = new ExperimentOptions { ProjectDirectory = _repo.Path, TimeProvider = clock };

        using (new Experiment(options, Args))
        {
            clock.Now = clock.Now.AddMinutes(90);
        }

        var metadata = JsonNode.Parse(_repo.Read("1", "metadata.json"))!;
        Assert.Equal("2024-05-01T10:00:00.0000000+09:00", metadata["start-time"]!.GetValue<string>());
        Assert.Equal("2024-05-01T11:30:00.0000000+09:00", metadata["end-time"]!.GetValue<string>());
    }

    [Fact]
    public void Dispose_NormalEnd_StatusSuccess()
    {
        using (new Experiment(_repo.Options(), Args))
        {
        }

        Assert.Equal("SUCCESS\n", _repo.Read("1", "STATUS"));
    }

    [Fact]
    public void Fail_Exception_StatusErrorWithTypeMessageAndStackAndDisposeKeepsIt()
    {
        using (var experiment = new Experiment(_repo.Options(), Args))
        {
            try
            {
                throw new InvalidDataException("bad batch");
            }
            catch (InvalidDataException e)
            {
                experiment.Fail(e);
            }
        }

        var status = _repo.Read("1", "STATUS");
        Assert.StartsWith("ERROR\nSystem.IO.InvalidDataException: bad batch", status);
        Assert.Contains(nameof(Fail_Exception_StatusErrorWithTypeMessageAndStackAndDisposeKeepsIt), status);
    }

    [Fact]
    public void Constructor_SequentialExperiments_AllocateIncreasingIds()
    {
        var ids = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            using var experiment = new Experiment(_repo.Options(), Args);
            ids.Add(experiment.Id);
        }

        Assert.Equal(["1", "2", "3"], ids);
    }

    [Fact]
    public void Constructor_ExistingFolders_TakesNextAfterLargestIntegerIgnoringOthers()
    {
        Directory.CreateDirectory(Path.Combine(_repo.ExperimentsPath, "7"));
        Directory.CreateDirectory(Path.Combine(_repo.ExperimentsPath, "notes"));
        Directory.CreateDirectory(Path.Combine(_repo.ExperimentsPath, "3"));

        using var experiment = new Experiment(_repo.Options(), Args);

        Assert.Equal("8", experiment.Id);
    }

    [Fact]
    public void Constructor_GivenNewId_CreatesThatFolder()
    {
        using var experiment = new Experiment(_repo.Options(id: "baseline"), Args);

        Assert.Equal("baseline", experiment.Id);
        Assert.True(File.Exists(_repo.Experiment("baseline", "metadata.json")));
    }

    [Fact]
    public void Constructor_GivenUnsafeId_Throws()
    {
        Assert.Throws<ExperimentException>(() => new Experiment(_repo.Options(id: "../x"), Args));
    }

    [Fact]
    public void Constructor_ResumeSameArgsAndCommit_ReusesFolderAndRecordsResume()
    {
        using (var first = new Experiment(_repo.Options(), Args))
        {
            first.Summary(new() { ["loss"] = 1.0 });
        }

        using (var resumed = new Experiment(_repo.Options(id: "1"), new Dictionary<string, object?> { ["lr"] = 0.1, ["epochs"] = 3 }))
        {
            Assert.Equal("1", resumed.Id);
            Assert.Equal("RUNNING\n", _repo.Read("1", "STATUS"));
        }

        Assert.Equal("SUCCESS\n", _repo.Read("1", "STATUS"));
        Assert.Single(JsonNode.Parse(_repo.Read("1", "metadata.json"))!["resume-times"]!.AsArray());
        Assert.Equal(1.0, JsonNode.Parse(_repo.Read("1", "summary.json"))!["loss"]!.GetValue<double>());
        Assert.False(Directory.Exists(Path.Combine(_repo.ExperimentsPath, "2")));
    }

    [Fact]
    public void Constructor_ResumeOtherArgs_ThrowsMismatchedArgsException()
    {
        using (new Experiment(_repo.Options(), Args))
        {
        }

        var e = Assert.Throws<MismatchedArgsException>(() => new Experiment(_repo.Options(id: "1"), new Dictionary<string, object?> { ["lr"] = 0.2, ["epochs"] = 3 }));
        Assert.Contains("Experiment 1", e.Message);
        Assert.Equal("SUCCESS\n", _repo.Read("1", "STATUS"));
    }

    [Fact]
    public void Constructor_ResumeAtOtherCommit_ThrowsMismatchedCommitException()
    {
        using (new Experiment(_repo.Options(), Args))
        {
        }

        _repo.Commit("train.txt", "v2\n", "second commit");

        Assert.Throws<MismatchedCommitException>(() => new Experiment(_repo.Options(id: "1"), Args));
    }

    [Fact]
    public void Summary_TwoCalls_MergesKeys()
    {
        using var experiment = new Experiment(_repo.Options(), Args);

        experiment.Summary(new() { ["loss"] = 0.5, ["accuracy"] = 0.8 });
        experiment.Summary(new() { ["loss"] = 0.25 });

        var summary = JsonNode.Parse(_repo.Read("1", "summary.json"))!;
        Assert.Equal(0.25, summary["loss"]!.GetValue<double>());
        Assert.Equal(0.8, summary["accuracy"]!.GetValue<double>());
    }

    [Fact]
    public void Open_RelativePath_CreatesFileInsideExperimentFolder()
    {
        using var experiment = new Experiment(_repo.Options(), Args);

        using (var stream = experiment.Open("models/model.bin", FileMode.Create))
        {
            stream.WriteByte(42);
        }

        Assert.Equal([42], File.ReadAllBytes(_repo.Experiment("1", "models/model.bin")));
    }

    [Theory]
    [InlineData("../escape.bin")]
    [InlineData("a/../../escape.bin")]
    [InlineData("/tmp/escape.bin")]
    public void Open_PathOutsideFolder_ThrowsArgumentException(string path)
    {
        using var experiment = new Experiment(_repo.Options(), Args);

        Assert.Throws<ArgumentException>(() => experiment.Open(path, FileMode.Create));
    }

    [Fact]
    public void Constructor_NoRecord_WritesNothingEvenOutsideGit()
    {
        var plain = Path.Combine(Path.GetTempPath(), "gokart-nogit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(plain);
        try
        {
            using var experiment = new Experiment(new ExperimentOptions { ProjectDirectory = plain, NoRecord = true }, Args);
            experiment.Summary(new() { ["loss"] = 1.0 });

            Assert.False(experiment.IsRecording);
            Assert.Null(experiment.Id);
            Assert.Empty(Directory.EnumerateFileSystemEntries(plain));
        }
        finally
        {
            Directory.Delete(plain, recursive: true);
        }
    }

    [Fact]
    public void NoRecord_OpenThenDispose_RemovesTheTemporaryFolder()
    {
        string folder;
        using (var experiment = new Experiment(new ExperimentOptions { ProjectDirectory = _repo.Path, NoRecord = true }, Args))
        {
            folder = experiment.Directory;
            using (var file = experiment.Open("models/model.bin", FileMode.Create))
            {
                file.WriteByte(1);
            }

            Assert.True(File.Exists(Path.Combine(folder, "models", "model.bin")));
        }

        Assert.False(Directory.Exists(folder), $"{folder} was left behind");
    }

    [Fact]
    public void Dispose_ExceptionCaughtInsideTheUsingBlock_StatusSuccess()
    {
        using (var experiment = new Experiment(_repo.Options(), Args))
        {
            try
            {
                throw new InvalidOperationException("handled");
            }
            catch (InvalidOperationException)
            {
            }
        }

        Assert.Equal("SUCCESS\n", _repo.Read("1", "STATUS"));
    }

    [Fact]
    public void Dispose_ExceptionLeavingTheUsingBlock_StatusErrorWithTheException()
    {
        void Train()
        {
            using var experiment = new Experiment(_repo.Options(), Args);
            throw new InvalidOperationException("diverged at epoch 3");
        }

        Assert.Throws<InvalidOperationException>(Train);

        Assert.StartsWith("ERROR\nSystem.InvalidOperationException: diverged at epoch 3", _repo.Read("1", "STATUS"));
    }

    [Fact]
    public void Constructor_ExperimentsFolderNotIgnored_PrintsHintOnStderr()
    {
        using var repo = new TempGitRepo(ignoreExperiments: false);
        var previous = Console.Error;
        var error = new StringWriter();
        Console.SetError(error);
        try
        {
            using var experiment = new Experiment(repo.Options(), Args);
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("hint: the experiments folder", error.ToString());
        Assert.Contains(".gitignore", error.ToString());
        Assert.Equal("", repo.Git("status", "--porcelain", "--untracked-files=no"));
    }
}
