namespace GoKart.Cli.Process.Tests;

public sealed class SampleProgramTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task SampleTask_WithParam_WritesOutputAndLogsAndExitsZero()
    {
        var (code, output, error) = await _cli.RunAsync("SampleTask", "--local-scheduler", "--param=hello");

        Assert.True(code == 0, error);
        var files = _cli.Files();
        var outputFile = Assert.Single(files, f => f.StartsWith("__main__/SampleTask_", StringComparison.Ordinal));

        // md5(str([{'param': 'hello'}, 'SampleTask'])): the file name gokart gives `python sample.py SampleTask --param=hello`.
        Assert.Equal("__main__/SampleTask_22d2ff1bf0b8cac4b3bb40608255a6c4.json", outputFile);
        Assert.Equal("\"hello\"", _cli.ReadFile("resources/" + outputFile));
        var id = outputFile["__main__/SampleTask_".Length..^".json".Length];
        foreach (var log in new[] { "module_versions/SampleTask_{0}.txt", "processing_time/SampleTask_{0}.json", "random_seed/SampleTask_{0}.json", "task_log/SampleTask_{0}.json", "task_params/SampleTask_{0}.json" })
        {
            Assert.Contains("log/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, log, id), files);
        }

        Assert.Contains("This progress looks :) because there were no failed tasks or missing external dependencies", output);
        Assert.StartsWith($"SUCCESS :) SampleTask[{id}]", output.TrimEnd().Split('\n')[^1]);
        Assert.Contains($"[1/1] SampleTask[{id}] succeeded", error);
    }

    [Fact]
    public async Task Config_FamilyParameters_AndPrecedence_ReachTasksMadeInCode()
    {
        _cli.WriteFile("gokart.ini", "[TaskOnKart]\nworkspace_directory = ws\n\n[Greeting]\nname = ${WHO}\nmood = cheerful\n");
        _cli.Environment["WHO"] = "Carol";

        var (code, _, error) = await _cli.RunAsync("Pair", "--Greeting-times=3", "--workers", "2");

        Assert.True(code == 0, error);
        var pair = Assert.Single(_cli.Files("ws"), f => f.StartsWith("__main__/Pair_", StringComparison.Ordinal));
        Assert.Equal(
            "\"Hello, Alice! Hello, Alice! Hello, Alice! on 2024-01-01 | Hello, Carol! Hello, Carol! on 2024-01-01\"",
            _cli.ReadFile("ws/" + pair));
        Assert.Empty(_cli.Files());
    }

    [Fact]
    public async Task EveryParameterType_ParsesFromText()
    {
        var (code, _, error) = await _cli.RunAsync(
            "Shout", "--source", """{"type": "Greeting", "params": {"name": "Bob", "times": 2, "mood": "Grumpy", "date": "2025-03-04", "timeout": "1 h", "tags": ["x", "y"], "weights": {"w": 5}, "volume": 0.75, "verbose": true}}""");

        Assert.True(code == 0, error);
        var shout = Assert.Single(_cli.Files(), f => f.StartsWith("__main__/Shout_", StringComparison.Ordinal));
        Assert.Equal("\"HMPH, BOB! HMPH, BOB! [X,Y] {W=5} ON 2025-03-04\"", _cli.ReadFile("resources/" + shout));
    }

    [Fact]
    public async Task Failure_ExitsOne_MissingExternal_ExitsThree()
    {
        var failed = await _cli.RunAsync("Broken");
        var missing = await _cli.RunAsync("CountWords");
        _cli.WriteFile("resources/raw/words.txt", "one two three");
        var present = await _cli.RunAsync("CountWords", "--min-length=4");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("This progress looks :( because there were failed tasks", failed.Output);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("This progress looks :| because there were missing external dependencies", missing.Output);
        Assert.Equal(0, present.ExitCode);
        var count = Assert.Single(_cli.Files(), f => f.StartsWith("__main__/CountWords_", StringComparison.Ordinal));
        Assert.Equal("1", _cli.ReadFile("resources/" + count));
    }

    [Fact]
    public async Task Tree_AfterRun_ShowsCompleteAndRunsNothing()
    {
        await _cli.RunAsync("Shout");
        var before = _cli.Files();

        var (code, output, _) = await _cli.RunAsync("Shout", "--tree");

        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.Matches(@"^└─-\(COMPLETE\) Shout\[[0-9a-f]{32}\]$", lines[0]);
        Assert.Matches(@"^   └─-\(COMPLETE\) Greeting\[[0-9a-f]{32}\]$", lines[1]);
        Assert.Equal(before, _cli.Files());
    }

    [Theory]
    [InlineData("error: Unknown task 'SampleTsk'. Did you mean 'SampleTask'?", "SampleTsk", "--param=x")]
    [InlineData("error: Unknown option '--parm' for task SampleTask. Did you mean '--param'?", "SampleTask", "--parm=x")]
    [InlineData("error: Missing required parameter 'param' (string) of task SampleTask.", "SampleTask")]
    [InlineData("error: --times: 'often' is not a valid int", "Greeting", "--times=often")]
    [InlineData("error: Config file 'nope.ini' does not exist.", "Greeting", "--config", "nope.ini")]
    [InlineData("error: bad.ini:1: cannot parse 'this is not ini'", "Greeting", "--config", "bad.ini")]
    public async Task BadInput_ExitsTwoWithOneLineAndWritesNothing(string expected, params string[] args)
    {
        _cli.WriteFile("bad.ini", "this is not ini\n");

        var (code, output, error) = await _cli.RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith(expected, Assert.Single(error.TrimEnd().Split('\n')));
        Assert.Equal(string.Empty, output);
        Assert.False(Directory.Exists(Path.Combine(_cli.Directory, "resources")));
    }
}
