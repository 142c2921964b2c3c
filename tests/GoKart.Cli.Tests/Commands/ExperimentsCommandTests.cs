using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GoKart.Cli.Tests.Commands;

public sealed class ExperimentsCommandTests : IDisposable
{
    private readonly ExperimentsFolder _folder = new();

    public ExperimentsCommandTests()
    {
        _folder.Add("1", "SUCCESS", new JsonObject { ["lr"] = 0.01, ["epochs"] = 10 }, new JsonObject { ["loss"] = 0.5 });
        _folder.Add("2", "SUCCESS", new JsonObject { ["lr"] = 0.1, ["epochs"] = 10 }, new JsonObject { ["loss"] = 0.25 });
        _folder.Add("10", "ERROR\nSystem.Exception: diverged\n   at X", new JsonObject { ["lr"] = 1.0, ["epochs"] = 10 }, new JsonObject { ["loss"] = 9.0 });
    }

    public void Dispose() => _folder.Dispose();

    private static List<string[]> Lines(string output)
        => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

    [Fact]
    public void Run_Default_PrintsPlainTableWithNonDefaultArgsAndSummary()
    {
        var (code, output, _) = _folder.Run();

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["id", "sha", "start_time", "status", "status_message", "args.lr", "summary.loss"], Lines(output)[0]);
        Assert.Equal(["1", "2", "10"], Lines(output).Skip(1).Select(l => l[0]));
        Assert.Contains("0123456789  2024-05-01 10:00:00  ERROR    System.Exception: diverged  1", lines[3]);
    }

    [Fact]
    public void Run_ArgsAll_ShowsEveryArgument()
    {
        var (_, output, _) = _folder.Run("--args", "all");

        Assert.Contains("args.epochs", Lines(output)[0]);
    }

    [Fact]
    public void Run_ArgsVarying_HidesArgumentsEqualEverywhere()
    {
        _folder.Add("11", "SUCCESS", new JsonObject { ["lr"] = 0.01, ["epochs"] = 20 });

        var (_, all, _) = _folder.Run("--args", "varying");
        var (_, nonDefault, _) = _folder.Run("--args", "non-default", "--filter", "id < 11");

        Assert.Contains("args.epochs", Lines(all)[0]);
        Assert.DoesNotContain("args.epochs", Lines(nonDefault)[0]);
    }

    [Fact]
    public void Run_FilterSortDescAndTail_SelectsRows()
    {
        var (code, output, _) = _folder.Run("--filter", "status == SUCCESS || args.lr > 0.5", "--sort", "summary.loss", "--desc", "--tail", "2");

        Assert.Equal(0, code);
        Assert.Equal(["1", "2"], Lines(output).Skip(1).Select(l => l[0]));
    }

    [Fact]
    public void Run_Columns_KeepsIdAndPrefixes()
    {
        var (_, output, _) = _folder.Run("--columns", "summary.", "status");

        Assert.Equal(["id", "status", "status_message", "summary.loss"], Lines(output)[0]);
    }

    [Fact]
    public void Run_GroupBy_AveragesNumbersAndCountsOthers()
    {
        var (_, output, _) = _folder.Run("--group-by", "status", "--columns", "status", "count", "summary.loss");

        Assert.Equal(["status", "count", "status_message", "summary.loss"], Lines(output)[0]);
        Assert.Equal(["ERROR", "1", "1", "9"], Lines(output)[1]);
        Assert.Equal(["SUCCESS", "2", "0", "0.375"], Lines(output)[2]);
    }

    [Theory]
    [InlineData("--filter", "args.lr >")]
    [InlineData("--sort", "nope")]
    [InlineData("--export", "table.xlsx")]
    [InlineData("--args", "some")]
    public void Run_BadArguments_ExitCodeTwoWithMessage(string option, string value)
    {
        var (code, output, error) = _folder.Run(option, value);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error:", error);
    }

    [Fact]
    public void Run_BadFilter_MessageNamesPosition()
    {
        var (_, _, error) = _folder.Run("--filter", "args.lr > && x");

        Assert.Contains("position 11", error);
    }

    [Fact]
    public void Run_MissingDirectory_ExitCodeTwo()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(2, GokartCommand.Run(["experiments", Path.Combine(_folder.Path, "none")], output, error));
        Assert.Contains("does not exist", error.ToString());
    }

    [Fact]
    public void Run_UnreadableFolder_ReportedAndSkipped()
    {
        var broken = Path.Combine(_folder.Path, "3");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "STATUS"), "SUCCESS\n");
        File.WriteAllText(Path.Combine(broken, "metadata.json"), "[1,");

        var (code, output, error) = _folder.Run();

        Assert.Equal(0, code);
        Assert.Contains("warning: skipped " + broken, error);
        Assert.Equal(["1", "2", "10"], Lines(output).Skip(1).Select(l => l[0]));
    }

    [Fact]
    public void Run_RunningWithDeadPid_ShowsDead()
    {
        using var finished = Process.Start(new ProcessStartInfo("true"))!;
        GoKart.Testing.ChildProcess.Wait(finished, TimeSpan.FromSeconds(30));
        _folder.Add("11", "RUNNING", new JsonObject { ["lr"] = 0.01 }, pid: finished.Id);
        _folder.Add("12", "RUNNING", new JsonObject { ["lr"] = 0.01 }, start: DateTimeOffset.Now.ToString("o"));

        var (_, output, _) = _folder.Run("--columns", "status");

        Assert.Equal(["11", "DEAD"], Lines(output)[4]);
        Assert.Equal(["12", "RUNNING"], Lines(output)[5]);
    }

    [Theory]
    [InlineData("table.csv", "id,sha,start_time,status,status_message,args.lr,summary.loss\n2,0123456789,2024-05-01 10:00:00,SUCCESS,,0.1,0.25\n")]
    [InlineData("table.md", "| id | sha | start_time | status | status_message | args.lr | summary.loss |\n|---|---|---|---|---|---|---|\n| 2 | 0123456789 | 2024-05-01 10:00:00 | SUCCESS |  | 0.1 | 0.25 |\n")]
    public void Run_Export_WritesFileByExtension(string name, string expected)
    {
        var file = Path.Combine(_folder.Path, name);

        var (code, _, error) = _folder.Run("--filter", "id == 2", "--export", file);

        Assert.Equal(0, code);
        Assert.Equal(expected, File.ReadAllText(file));
        Assert.Contains("wrote 1 rows", error);
    }

    [Fact]
    public void Run_ExportJson_KeepsNumbersAsNumbers()
    {
        var file = Path.Combine(_folder.Path, "table.json");

        _folder.Run("--export", file);

        var rows = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.Equal(9.0, rows[2]!["summary.loss"]!.GetValue<double>());
        Assert.Equal("10", rows[2]!["id"]!.GetValue<string>());
        Assert.Equal("2024-05-01T10:00:00.0000000+00:00", rows[0]!["start_time"]!.GetValue<string>());
    }
}
