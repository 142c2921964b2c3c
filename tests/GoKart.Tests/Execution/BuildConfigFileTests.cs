using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

/// <summary>Kart.Build reads config files as gokart.build does (explicit files here: the current directory is shared by every test).</summary>
public sealed class BuildConfigFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Config(string text)
    {
        var path = _dir.Combine("gokart.ini");
        File.WriteAllText(path, text);
        return path;
    }

    private string Workspace => _dir.Combine("configured");

    [Fact]
    public void Build_ConfigFile_FillsWorkspaceAndParametersLeftAtDefault()
    {
        var config = Config($"[TaskOnKart]\nworkspace_directory = {Workspace}\n\n[Number]\nvalue = 7\n");

        var output = Kart.Build(new AddOne { Input = new Number() }, new BuildOptions { ConfigFiles = [config] });

        Assert.Equal(8, output);
        var id = new Number { Value = 7 }.UniqueId;
        Assert.True(File.Exists(Path.Combine(Workspace, "GoKart", "Tests", "Execution", $"Number_{id}.json")));
    }

    [Fact]
    public void Build_ValuesGivenInCode_WinOverTheConfigFile()
    {
        var config = Config($"[TaskOnKart]\nworkspace_directory = {Workspace}\n\n[Number]\nvalue = 7\n");
        var elsewhere = _dir.Combine("given");

        var output = Kart.Build(new Number { Value = 3 }, new BuildOptions { ConfigFiles = [config], Workspace = elsewhere });

        Assert.Equal(3, output);
        Assert.True(Directory.Exists(elsewhere));
        Assert.False(Directory.Exists(Workspace));
    }

    [Fact]
    public async Task Build_ConfigFilePresent_KeepsObserversJournalAndRetriesGivenInCode()
    {
        // These options were once dropped whenever a config file was read.
        var config = Config($"[TaskOnKart]\nworkspace_directory = {Workspace}\n");
        var observer = new RecordingObserver();
        var task = new FlakyTask { Name = "configured", State = new() { FailFirst = 1 } };

        var report = await Kart.ExecuteAsync(task, new BuildOptions { ConfigFiles = [config], Observers = [observer], Journal = true, RetryCount = 1 });

        Assert.True(report.Succeeded);
        Assert.Equal(2, task.State.Runs);
        Assert.Contains("start FlakyTask", observer.Events);
        Assert.Single(Directory.GetFiles(Path.Combine(Workspace, ".gokart", "builds"), "*.jsonl"));
    }

    [Fact]
    public void Build_ConfigFile_RetryCountFillsTheDefault()
    {
        var config = Config($"[TaskOnKart]\nworkspace_directory = {Workspace}\nretry_count = 2\n");
        var task = new FlakyTask { Name = "from-config", State = new() { FailFirst = 2 } };

        Assert.Equal("ok on run 3", Kart.Build(task, new BuildOptions { ConfigFiles = [config] }));
    }

    [Fact]
    public void Build_ReadConfigFilesFalse_IgnoresThem()
    {
        var config = Config($"[TaskOnKart]\nworkspace_directory = {Workspace}\n\n[Number]\nvalue = 7\n");
        var given = _dir.Combine("given");

        var output = Kart.Build(new Number(), new BuildOptions { ConfigFiles = [config], ReadConfigFiles = false, Workspace = given });

        Assert.Equal(0, output);
        Assert.False(Directory.Exists(Workspace));
    }

    [Fact]
    public void Build_BadValueInConfigFile_IsAConfigurationErrorNamingFileLineAndKey()
    {
        var config = Config($"[TaskOnKart]\nworkspace_directory = {Workspace}\n\n[Number]\nvalue = seven\n");

        var error = Assert.Throws<GoKartConfigurationException>(() => Kart.Build(new Number(), new BuildOptions { ConfigFiles = [config] }));

        Assert.StartsWith($"{config}:5 [Number] value: 'seven' is not a valid int", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Workspace));
    }

    [Fact]
    public void Build_ShouldLockRunInConfigWithoutLock_IsAConfigurationError()
    {
        var config = Config($"[TaskOnKart]\nworkspace_directory = {Workspace}\nshould_lock_run = true\n");

        var error = Assert.Throws<GoKartConfigurationException>(() => Kart.Build(new Number(), new BuildOptions { ConfigFiles = [config] }));

        Assert.StartsWith("should_lock_run is set but no lock is configured", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Workspace));
    }

    [Fact]
    public void DryRunAndTreeInfo_ReadTheConfigFileToo()
    {
        var config = Config($"[TaskOnKart]\nworkspace_directory = {Workspace}\n\n[Number]\nvalue = 7\n");
        var options = new BuildOptions { ConfigFiles = [config] };
        var id = new Number { Value = 7 }.UniqueId;

        var planned = Assert.Single(Kart.DryRun(new Number(), options));
        var tree = Kart.TreeInfo(new Number(), options);

        Assert.Equal(id, planned.UniqueId);
        Assert.StartsWith(Workspace, planned.Output, StringComparison.Ordinal);
        Assert.Contains(id, tree, StringComparison.Ordinal);
    }
}
