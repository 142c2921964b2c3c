using GoKart.Storage;
using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

/// <summary>Kart.LoadOutput reads a finished task's output as gokart's <c>task.load_output()</c> does: no build, no run.</summary>
public sealed class LoadOutputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void LoadOutput_AfterABuild_ReturnsTheOutputWithoutRunningOrWritingAnything()
    {
        var store = new InMemoryStore();
        var counter = new RunCounter();
        Kart.Build(new AddOne { Input = new Number { Value = 5, Counter = counter }, Counter = counter }, new BuildOptions { Store = store });
        var written = store.Count;

        var loaded = Kart.LoadOutput(new AddOne { Input = new Number { Value = 5, Counter = counter }, Counter = counter }, new BuildOptions { Store = store });

        Assert.Equal(6, loaded);
        Assert.Equal(1, counter[nameof(AddOne)]);
        Assert.Equal(1, counter["Number5"]);
        Assert.Equal(written, store.Count);
    }

    [Fact]
    public void LoadOutput_ReadsTheFileAtTheTasksPath_EvenOneNotWrittenByABuild()
    {
        // The file is written by hand at the path gokart's layout gives: what is loaded is the file, not a run.
        var id = new Number { Value = 3 }.UniqueId;
        var path = _dir.Combine("GoKart", "Tests", "Execution", $"Number_{id}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "41");

        Assert.Equal(41, Kart.LoadOutput(new Number { Value = 3 }, new BuildOptions { Workspace = _dir.Path }));
    }

    [Fact]
    public async Task LoadOutputAsync_Missing_NamesTheTaskAndTheFile_AndWritesNothing()
    {
        var counter = new RunCounter();
        var task = new Number { Value = 8, Counter = counter };
        var expectedPath = _dir.Combine("GoKart", "Tests", "Execution", $"Number_{new Number { Value = 8 }.UniqueId}.json");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => Kart.LoadOutputAsync(task, new BuildOptions { Workspace = _dir.Path }));

        Assert.Equal(expectedPath, error.FileName);
        Assert.Contains($"Number[{task.UniqueId}]", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("has not been built", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, counter["Number8"]);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public void LoadOutput_NamedOutput_ReadsIt_AndAnUndeclaredNameIsATaskDefinitionError()
    {
        var store = new InMemoryStore();
        Kart.Build(new WithReport(), new BuildOptions { Store = store });

        Assert.Equal("all good", Kart.LoadNamedOutput<string>(new WithReport(), "report", new BuildOptions { Store = store }));
        var error = Assert.Throws<TaskDefinitionException>(() => Kart.LoadNamedOutput<string>(new WithReport(), "summary", new BuildOptions { Store = store }));
        Assert.Contains("'summary'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOutput_NamedOutputMissing_NamesTheOutput()
    {
        var store = new InMemoryStore();

        var error = Assert.Throws<FileNotFoundException>(() => Kart.LoadNamedOutput<string>(new WithReport(), "report", new BuildOptions { Store = store }));

        Assert.Contains("output 'report'", error.Message, StringComparison.Ordinal);
        Assert.Contains("reports/summary_", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOutput_ConfigFile_FillsWorkspaceAndParameters_AsABuildWould()
    {
        var workspace = _dir.Combine("configured");
        var config = _dir.Combine("gokart.ini");
        File.WriteAllText(config, $"[TaskOnKart]\nworkspace_directory = {workspace}\n\n[Number]\nvalue = 7\n");
        Kart.Build(new Number(), new BuildOptions { ConfigFiles = [config] });

        Assert.Equal(7, Kart.LoadOutput(new Number(), new BuildOptions { ConfigFiles = [config] }));
    }
}
