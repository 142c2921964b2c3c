using System.Text.RegularExpressions;
using GoKart.CommandLine;
using GoKart.Tests.CommandLine;

namespace GoKart.Tests.Execution.Journal;

public sealed class KartRunUiTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_Ui_PrintsTheLiveViewCommandAndWritesThatBuildsJournal()
    {
        var result = await _cli.RunAsync("CliEcho", "--text=hi", "--ui");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var match = Regex.Match(result.Output, @"^Live view: gokart ui (.+)  \(build (\S+)\)$", RegexOptions.Multiline);
        Assert.True(match.Success, result.Output);
        Assert.Equal(_cli.Workspace, match.Groups[1].Value);
        var journal = JournalFile.Parse(match.Groups[2].Value, File.ReadAllText(Path.Combine(_cli.Workspace, ".gokart", "builds", match.Groups[2].Value + ".jsonl")));
        Assert.Equal(match.Groups[2].Value, journal.Plan.GetProperty("build").GetString());
        Assert.Equal([new CliEcho { Text = "hi" }.UniqueId], journal.IdsOf("done"));
        Assert.Equal("succeeded", journal.EndStatus);
    }

    [Fact]
    public async Task Run_WithoutUi_PrintsNoLiveViewAndWritesNoJournal()
    {
        var result = await _cli.RunAsync("CliEcho", "--text=hi");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.DoesNotContain("Live view", result.Output);
        Assert.DoesNotContain(_cli.WorkspaceFiles(), f => f.StartsWith(".gokart/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_ListsTheUiOption()
    {
        var result = await _cli.RunAsync("--help");

        Assert.Contains("--ui", result.Output);
    }
}
