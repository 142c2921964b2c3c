using GoKart.CommandLine;

namespace GoKart.Tests.CommandLine;

public sealed class TreeInfoOutputTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_TreeInfoOutputCsv_WritesOneRowPerTaskAndRunsNothing()
    {
        var result = await _cli.RunAsync("CliDiamond", "--tree-info-output", "info/tasks.csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(_cli.Directory, "info/tasks.csv"));
        Assert.Equal("name,unique_id,output_paths,output_sizes,params,processing_time,is_complete,task_log,requires", lines[0]);
        Assert.Equal(["CliDiamond", "CliTypes", "CliTypes"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Empty(_cli.WorkspaceFiles());
    }

    [Fact]
    public async Task Run_GokartOptionNamesWithSimpleTree_WritesTreeWithoutDetails()
    {
        var result = await _cli.RunAsync("CliEcho", "--text=x", "--tree-info-mode=simple", "--tree-info-output-path=tree.txt");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"^└─-\(PENDING\) CliEcho\[[0-9a-f]{32}\]\n$", File.ReadAllText(Path.Combine(_cli.Directory, "tree.txt")));
    }

    [Fact]
    public async Task Run_TreeInfoOutputUnknownExtension_UsageErrorNamingFile()
    {
        var result = await _cli.RunAsync("CliEcho", "--text=x", "--tree-info-output", "tasks.xlsx");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--tree-info-output", result.Error, StringComparison.Ordinal);
        Assert.Contains("tasks.xlsx", result.Error, StringComparison.Ordinal);
    }
}
