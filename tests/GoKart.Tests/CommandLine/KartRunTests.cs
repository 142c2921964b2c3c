using GoKart.CommandLine;

namespace GoKart.Tests.CommandLine;

public sealed class KartRunTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_TaskWithParameter_BuildsItAndExitsZero()
    {
        var result = await _cli.RunAsync("CliEcho", "--local-scheduler", "--text=hello");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("\"hello\"", _cli.ReadOutput("CliEcho"));
        Assert.Contains("This progress looks :) because there were no failed tasks or missing external dependencies", result.Output);
        Assert.StartsWith("SUCCESS :) CliEcho[", result.Output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task Run_SameIdAsBuildingInCode()
    {
        await _cli.RunAsync("CliEcho", "--text", "hello");

        var id = new CliEcho { Text = "hello" }.UniqueId;
        Assert.Contains($"GoKart/Tests/CommandLine/CliEcho_{id}.json", _cli.WorkspaceFiles());
    }

    [Fact]
    public async Task Run_SecondTime_ReportsCompleteAndRunsNothing()
    {
        await _cli.RunAsync("CliEcho", "--text=x");
        var second = await _cli.RunAsync("CliEcho", "--text=x");

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("* 1 complete ones were encountered:", second.Output);
        Assert.Contains("Did not run any tasks", second.Output);
    }

    [Fact]
    public async Task Run_FailingTask_ExitsWithTaskFailedAndSadSummary()
    {
        var result = await _cli.RunAsync("CliFails");

        Assert.Equal(ExitCodes.TaskFailed, result.ExitCode);
        Assert.Contains("* 1 failed:", result.Output);
        Assert.Contains("This progress looks :( because there were failed tasks", result.Output);
        Assert.Contains("InvalidOperationException: boom", result.Output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task Run_MissingExternalData_ExitsWithMissingExternalData()
    {
        var result = await _cli.RunAsync("CliNeedsExternal");

        Assert.Equal(ExitCodes.MissingExternalData, result.ExitCode);
        Assert.Contains("* 1 were missing external dependencies:", result.Output);
        Assert.Contains("* 1 had missing dependencies:", result.Output);
        Assert.Contains("This progress looks :| because there were missing external dependencies", result.Output);
        Assert.Contains("external/input.txt", result.Output);
    }

    [Fact]
    public async Task Run_ExternalDataPresent_Succeeds()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Workspace, "external"));
        await File.WriteAllTextAsync(Path.Combine(_cli.Workspace, "external/input.txt"), "outside\n");

        var result = await _cli.RunAsync("CliNeedsExternal");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("\"outside\"", _cli.ReadOutput("CliNeedsExternal"));
    }

    [Fact]
    public async Task Run_FamilyParameter_AppliesToTasksMadeInCodeUnlessSetExplicitly()
    {
        var result = await _cli.RunAsync("CliPair", "--CliTypes-name=cli", "--CliTypes-big=9");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var output = _cli.ReadOutput("CliPair");
        Assert.Contains("name=code", output);
        Assert.Contains("name=cli", output);
        Assert.Contains("big=7", output);
        Assert.Contains("big=9", output);
    }

    [Fact]
    public async Task Run_Precedence_CommandLineOverConfigOverDefault()
    {
        _cli.WriteFile("gokart.ini", "[CliTypes]\nname = fromconfig\nbig = 5\n");

        var result = await _cli.RunAsync("CliTypes", "--big=6");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var expected = new CliTypes { Name = "fromconfig", Big = 6 };
        Assert.Contains($"CliTypes_{expected.UniqueId}.json", string.Join(",", _cli.WorkspaceFiles()));
    }

    [Fact]
    public async Task Run_ConfigForTasksMadeInCode_AppliesBeforeIdsAreComputed()
    {
        _cli.WriteFile("gokart.ini", "[CliTypes]\nname = ${WHO}\n");
        _cli.Environment["WHO"] = "env";

        var result = await _cli.RunAsync("CliPair");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var plain = new CliTypes { Name = "env", Big = 7 };
        Assert.Contains($"GoKart/Tests/CommandLine/CliTypes_{plain.UniqueId}.json", _cli.WorkspaceFiles());
    }

    [Fact]
    public async Task Run_ConfigBuildOptions_SetWorkspace()
    {
        _cli.WriteFile("luigi.cfg", "[core]\nlocal_scheduler = true\n\n[TaskOnKart]\nworkspace_directory = out\nredis_timeout = 60\n");

        var result = await _cli.RunAsync("CliEcho", "--text=a");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.True(Directory.Exists(Path.Combine(_cli.Directory, "out", "GoKart")));
        Assert.Empty(_cli.WorkspaceFiles());
    }

    [Fact]
    public async Task Run_ConfigFromEnvironmentVariable_IsUsedWhenNoConfigOption()
    {
        _cli.WriteFile("other.ini", "[CliEcho]\ntext = from-env-file\n");
        _cli.Environment["GOKART_CONFIG_PATH"] = "other.ini";

        var result = await _cli.RunAsync("CliEcho");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("\"from-env-file\"", _cli.ReadOutput("CliEcho"));
    }

    [Fact]
    public async Task Run_TaskGivenAsJson_BuildsThatTask()
    {
        var result = await _cli.RunAsync("CliHolder", "--inner", """{"type": "CliEcho", "params": {"text": "inner"}}""");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("\"inner\"", _cli.ReadOutput("CliHolder"));
    }

    [Fact]
    public async Task Run_AmbiguousName_ListsCandidates_FullNameWorks()
    {
        var ambiguous = await _cli.RunAsync("CliTwin");
        var full = await _cli.RunAsync("GoKart.Tests.CommandLine.Second.CliTwin");

        Assert.Equal(ExitCodes.UsageError, ambiguous.ExitCode);
        Assert.Contains("GoKart.Tests.CommandLine.First.CliTwin, GoKart.Tests.CommandLine.Second.CliTwin", ambiguous.Error);
        Assert.Equal(ExitCodes.Success, full.ExitCode);
    }

    [Fact]
    public async Task Run_Help_ListsTasksParametersTypesDefaultsAndDescriptions()
    {
        var all = await _cli.RunAsync("--help");
        var one = await _cli.RunAsync("CliEcho", "--help");

        Assert.Equal(ExitCodes.Success, all.ExitCode);
        Assert.Contains("  CliTypes\n", all.Output);
        Assert.Matches(@"--big\s+long\s+default 1", all.Output);
        Assert.Matches(@"--color\s+CliColor\s+default Red", all.Output);
        Assert.Matches(@"--text\s+string\s+\(required\)\s+What to echo\.", one.Output);
        Assert.DoesNotContain("CliTypes", one.Output);
        Assert.Empty(_cli.WorkspaceFiles());
    }

    [Fact]
    public async Task Run_Tree_PrintsGokartTreeAndRunsNothing()
    {
        var result = await _cli.RunAsync("CliDiamond", "--tree");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = result.Output.TrimEnd().Split('\n');
        Assert.Matches(@"^└─-\(PENDING\) CliDiamond\[[0-9a-f]{32}\]$", lines[0]);
        Assert.Matches(@"^   \|--\(PENDING\) CliTypes\[[0-9a-f]{32}\]$", lines[1]);
        Assert.Matches(@"^   \|--\(PENDING\) CliTypes\[[0-9a-f]{32}\]$", lines[2]);
        Assert.Equal("   |  └─- ...", lines[3]);
        Assert.Matches(@"^   └─-\(PENDING\) CliTypes\[[0-9a-f]{32}\]$", lines[4]);
        Assert.Empty(_cli.WorkspaceFiles());
    }

    [Fact]
    public async Task Run_DryRun_ListsWhatWouldRunAndWritesNothing()
    {
        var result = await _cli.RunAsync("CliDiamond", "--dry-run");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Dry run: 3 of 3 task(s) would run:", result.Output);
        Assert.Empty(_cli.WorkspaceFiles());
    }

    [Fact]
    public async Task Run_RootParameter_WinsOverFamilyParameterWhichWinsOverConfig()
    {
        _cli.WriteFile("gokart.ini", "[CliTypes]\nname = config\nbig = 2\nrate = 0.2\n");

        var result = await _cli.RunAsync("CliTypes", "--CliTypes-name=family", "--name", "own", "--CliTypes-big=3", "--flag", "--workspace", "ws");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var expected = new CliTypes { Name = "own", Big = 3, Rate = 0.2, Flag = true };
        Assert.True(File.Exists(Path.Combine(_cli.Directory, "ws", "GoKart/Tests/CommandLine", $"CliTypes_{expected.UniqueId}.json")));
    }

    [Fact]
    public async Task Run_Rerun_RunsTheRootAgain()
    {
        await _cli.RunAsync("CliEcho", "--text=x");

        var again = await _cli.RunAsync("CliEcho", "--text=x", "--rerun");

        Assert.Contains("* 1 ran successfully:", again.Output);
    }

    [Fact]
    public async Task Run_Cancelled_ExitsWithCancelledAndWritesNoOutput()
    {
        using var cancel = new CancellationTokenSource();
        var started = new List<string>();
        var options = new BuildOptions
        {
            Progress = p =>
            {
                if (p.Event == BuildEvent.Started)
                {
                    started.Add(p.TaskName);
                    cancel.Cancel();
                }
            },
        };

        // Bounded: a build that ignored the cancellation would otherwise hang the suite (CliWaits gives up after 2 min).
        var result = await _cli.RunAsync(options, cancel.Token, "CliWaits").WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(["CliWaits"], started); // cancelled while the task was running, not before
        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        // CliWaits returned a value after the cancellation; a cancelled build must not record it.
        Assert.DoesNotContain(_cli.WorkspaceFiles(), f => f.Contains("CliWaits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_TaskHelp_Golden()
    {
        var result = await _cli.RunAsync("CliTypes", "--help");

        var expected = """
            Usage: test CliTypes [--<parameter>=<value> ...] [options]

              CliTypes
                  --name     string                   default n
                  --flag     bool                     default false
                  --big      long                     default 1
                  --small    byte                     default 0
                  --ratio    float                    default 0.5
                  --rate     double                   default 0.1
                  --price    decimal                  default 1.5
                  --color    CliColor                 default Red
                  --day      DateOnly                 default 2024-01-01
                  --when     DateTime                 default 2024-01-01T000000
                  --at       DateTimeOffset           default 2024-01-01T00:00:00+00:00
                  --wait     TimeSpan                 default 0 w 0 d 0 h 0 m 1 s
                  --id       Guid                     default 00000000-0000-0000-0000-000000000000
                  --maybe    int?                     default 3
                  --numbers  list<int>                default []
                  --words    list<string>             default []
                  --values   list<double>             default []
                  --counts   dict<string, int>        default {}
                  --groups   dict<string, list<int>>  default {}

            Any task's parameter, wherever it is in the graph: --<Task>-<parameter>=<value> (e.g. --SampleTask-param=hello).
            """.ReplaceLineEndings("\n");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith(expected, result.Output, StringComparison.Ordinal);
    }
}
