using System.Text.Json;
using GoKart.Tests.CommandLine;
using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

public sealed class TaskInfoTableTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private BuildOptions Options => new() { Workspace = _dir.Combine("ws"), Workers = 1 };

    [Fact]
    public async Task TaskInfoTable_AfterPartialRun_EachTaskOnceWithStatusTimeAndSize()
    {
        var echo = new CliEcho { Text = "hello" };
        await Kart.BuildAsync(echo, Options);
        var holder = new CliHolder { Inner = new CliEcho { Text = "hello" }, More = [new CliEcho { Text = "hello" }] };

        var rows = Kart.TaskInfoTable(holder, Options);

        Assert.Equal([holder.UniqueId, echo.UniqueId], rows.Select(r => r.UniqueId));
        var (top, leaf) = (rows[0], rows[1]);
        Assert.False(top.IsComplete);
        Assert.Null(top.ProcessingTimeSeconds);
        Assert.Null(top.Outputs[0].Size);
        Assert.Equal([echo.UniqueId, echo.UniqueId], top.Requires);
        Assert.Equal([KeyValuePair.Create("inner", echo.UniqueId), KeyValuePair.Create("more", $"[\"{echo.UniqueId}\"]")], top.Parameters);
        Assert.True(leaf.IsComplete);
        Assert.NotNull(leaf.ProcessingTimeSeconds);
        var file = Directory.GetFiles(_dir.Combine("ws", "GoKart"), $"CliEcho_{echo.UniqueId}.json", SearchOption.AllDirectories).Single();
        Assert.Equal(file, leaf.Outputs[0].Path);
        Assert.Equal(new FileInfo(file).Length, leaf.Outputs[0].Size);
        Assert.Equal([KeyValuePair.Create("text", "hello")], leaf.Parameters);
    }

    [Fact]
    public void FormatTaskInfoTable_Csv_QuotesCellsWithCommasAndQuotes()
    {
        TaskInfo[] rows =
        [
            new("T", "abc", [KeyValuePair.Create("s", "a,\"b\"")], true, 0.5, [new TaskOutputInfo("/w/T_abc.json", 12)], [], ["done"]),
        ];

        var csv = Kart.FormatTaskInfoTable(rows, TaskInfoFormat.Csv);

        Assert.Equal(
            "name,unique_id,output_paths,output_sizes,params,processing_time,is_complete,task_log,requires\n"
            + "T,abc,\"[\"\"/w/T_abc.json\"\"]\",[12],\"{\"\"s\"\":\"\"a,\\\"\"b\\\"\"\"\"}\",0.5,COMPLETE,\"[\"\"done\"\"]\",[]\n",
            csv);
    }

    [Fact]
    public void FormatTaskInfoTable_Json_NullsForUnknownTimeAndMissingOutput()
    {
        TaskInfo[] rows = [new("T", "abc", [KeyValuePair.Create("n", "1")], false, null, [new TaskOutputInfo("p", null)], ["x"], [])];

        using var doc = JsonDocument.Parse(Kart.FormatTaskInfoTable(rows, TaskInfoFormat.Json));

        var row = doc.RootElement[0];
        Assert.Equal("PENDING", row.GetProperty("is_complete").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("processing_time").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("output_sizes")[0].ValueKind);
        Assert.Equal("1", row.GetProperty("params").GetProperty("n").GetString());
        Assert.Equal("x", row.GetProperty("requires")[0].GetString());
    }

    [Fact]
    public void FormatTaskInfoTable_Markdown_EscapesPipesAndNamesRequirements()
    {
        TaskInfo[] rows =
        [
            new("Top", "1", [KeyValuePair.Create("s", "a|b")], false, null, [new TaskOutputInfo("o1", null)], ["2"], []),
            new("Leaf", "2", [], true, 1.25, [new TaskOutputInfo("o2", 7)], [], []),
        ];

        var lines = Kart.FormatTaskInfoTable(rows, TaskInfoFormat.Markdown).Split('\n');

        Assert.Equal("| name | unique_id | is_complete | processing_time | params | outputs | requires |", lines[0]);
        Assert.Equal("| Top | 1 | PENDING | unknown | s=a\\|b | o1 (missing) | Leaf[2] |", lines[2]);
        Assert.Equal("| Leaf | 2 | COMPLETE | 1.25 s |  | o2 (7 B) |  |", lines[3]);
    }

    [Theory]
    [InlineData("info.csv", "name,unique_id,")]
    [InlineData("info.json", "[")]
    [InlineData("info.md", "| name |")]
    [InlineData("info.txt", "└─-(PENDING) CliEcho[")]
    public async Task DumpTaskInfoTableAsync_ExtensionPicksForm(string name, string start)
    {
        var path = _dir.Combine("out", name);

        await Kart.DumpTaskInfoTableAsync(new CliEcho { Text = "x" }, path, Options);

        Assert.StartsWith(start, File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DumpTaskInfoTableAsync_UnknownExtension_ErrorListsKnownOnes()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Kart.DumpTaskInfoTableAsync(new CliEcho { Text = "x" }, _dir.Combine("a.xlsx"), Options));

        Assert.Contains("a.xlsx", e.Message, StringComparison.Ordinal);
        Assert.Contains(".csv, .json, .md or .txt", e.Message, StringComparison.Ordinal);
    }
}
