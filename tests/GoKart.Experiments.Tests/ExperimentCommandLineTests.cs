using System.CommandLine;
using System.Text.Json.Nodes;

namespace GoKart.Experiments.Tests;

public sealed class ExperimentCommandLineTests : IDisposable
{
    private readonly TempGitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private static (RootCommand Root, Argument<int> BatchSize) TrainingCommand()
    {
        var batchSize = new Argument<int>("batch-size") { Description = "required positional" };
        var root = new RootCommand
        {
            batchSize,
            new Option<double>("--lr") { DefaultValueFactory = _ => 0.01 },
            new Option<int>("--epochs") { DefaultValueFactory = _ => 10 },
            new Option<bool>("--no-cuda"),
        };
        Experiment.AddOptions(root);
        return (root, batchSize);
    }

    [Fact]
    public void AddOptions_Command_AddsExperimentOptions()
    {
        var root = new RootCommand();

        Experiment.AddOptions(root);

        Assert.Equal(
            ["--project-directory", "--experiments-directory", "--experiment-id", "--description", "--norecord", "--allow-dirty"],
            root.Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal) && n != "--help" && n != "--version"));
    }

    [Fact]
    public void FromParseResult_ProgramAndExperimentOptions_SeparatesThem()
    {
        var (root, _) = TrainingCommand();
        var parsed = root.Parse(["16", "--lr", "0.1", "--project-directory", _repo.Path, "--description", "try lr", "--experiment-id", "lr01"]);

        using (var experiment = Experiment.FromParseResult(parsed))
        {
            Assert.Equal("lr01", experiment.Id);
        }

        var args = JsonNode.Parse(_repo.Read("lr01", "args.json"))!.AsObject();
        Assert.Equal(["lr", "epochs", "no-cuda", "batch-size"], args.Select(a => a.Key));
        Assert.Equal(0.1, args["lr"]!.GetValue<double>());
        Assert.Equal(16, args["batch-size"]!.GetValue<int>());
        Assert.Equal("try lr", JsonNode.Parse(_repo.Read("lr01", "metadata.json"))!["description"]!.GetValue<string>());
    }

    [Fact]
    public void FromParseResult_RequiredPositionalArgument_DefaultIsNull()
    {
        var (root, _) = TrainingCommand();

        using (Experiment.FromParseResult(root.Parse(["32", "--project-directory", _repo.Path])))
        {
        }

        var defaults = JsonNode.Parse(_repo.Read("1", "default_args.json"))!.AsObject();
        Assert.Null(defaults["batch-size"]);
        Assert.True(defaults.ContainsKey("batch-size"));
        Assert.Equal(0.01, defaults["lr"]!.GetValue<double>());
        Assert.Equal(10, defaults["epochs"]!.GetValue<int>());
        Assert.False(defaults["no-cuda"]!.GetValue<bool>());
    }

    [Fact]
    public void FromParseResult_MissingRequiredArgument_ThrowsAndRecordsNothing()
    {
        var (root, _) = TrainingCommand();

        var e = Assert.Throws<ExperimentException>(() => Experiment.FromParseResult(root.Parse(["--project-directory", _repo.Path])));

        Assert.Contains("no experiment was started", e.Message);
        Assert.Contains("Required argument missing", e.Message);
        Assert.False(Directory.Exists(_repo.ExperimentsPath));
    }

    [Fact]
    public void FromParseResult_NoRecord_RecordsNothing()
    {
        var (root, _) = TrainingCommand();

        using var experiment = Experiment.FromParseResult(root.Parse(["8", "--project-directory", _repo.Path, "--norecord"]));

        Assert.False(experiment.IsRecording);
        Assert.False(Directory.Exists(_repo.ExperimentsPath));
    }

    [Fact]
    public void SetAction_ActionThrows_StatusErrorWithTheException()
    {
        var (root, _) = TrainingCommand();
        root.SetAction((Action<ParseResult>)(parsed =>
        {
            using var experiment = Experiment.FromParseResult(parsed);
            throw new InvalidOperationException("boom in the action");
        }));

        var code = root.Parse(["8", "--project-directory", _repo.Path]).Invoke(new InvocationConfiguration { Error = new StringWriter() });

        Assert.Equal(1, code);
        Assert.StartsWith("ERROR\nSystem.InvalidOperationException: boom in the action", File.ReadAllText(Path.Combine(_repo.ExperimentsPath, "1", "STATUS")));
    }

    [Fact]
    public void SetAction_ActionSucceeds_StatusSuccess()
    {
        var (root, _) = TrainingCommand();
        root.SetAction(parsed =>
        {
            using var experiment = Experiment.FromParseResult(parsed);
            _ = int.TryParse("x", out _);
        });

        var code = root.Parse(["8", "--project-directory", _repo.Path]).Invoke();

        Assert.Equal(0, code);
        Assert.Equal("SUCCESS\n", File.ReadAllText(Path.Combine(_repo.ExperimentsPath, "1", "STATUS")));
    }

    [Fact]
    public void FromParseResult_ExperimentsDirectory_IsRelativeToProject()
    {
        var (root, _) = TrainingCommand();

        using var experiment = Experiment.FromParseResult(root.Parse(["8", "--project-directory", _repo.Path, "--experiments-directory", "runs/exp"]));

        Assert.Equal(Path.Combine(_repo.Path, "runs", "exp", "1"), experiment.Directory);
    }

    [Fact]
    public void FromParseResult_DirtyRepoWithoutAllowDirty_Throws()
    {
        var (root, _) = TrainingCommand();
        _repo.Write("train.txt", "changed\n");

        Assert.Throws<DirtyRepoException>(() => Experiment.FromParseResult(root.Parse(["8", "--project-directory", _repo.Path])));
        using var allowed = Experiment.FromParseResult(root.Parse(["8", "--project-directory", _repo.Path, "--allow-dirty"]));
        Assert.True(File.Exists(Path.Combine(allowed.Directory, "uncommitted.patch")));
    }

    [Fact]
    public void FromParseResult_CommandWithoutExperimentOptions_Throws()
    {
        var root = new RootCommand { new Option<int>("--n") };

        Assert.Throws<ExperimentException>(() => Experiment.FromParseResult(root.Parse(["--n", "1"])));
    }
}
