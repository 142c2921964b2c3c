using GoKart.CommandLine;

namespace GoKart.Tests.CommandLine;

public sealed class KartRunBadInputTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("Did you mean 'CliEcho'?", "CliEhco", "--text=a")]
    [InlineData("Did you mean '--text'?", "CliEcho", "--txt=a")]
    [InlineData("Unknown option '-x'", "CliEcho", "-x")]
    [InlineData("Did you mean '--CliTypes-name'?", "CliEcho", "--text=a", "--CliTypes-nme=b")]
    [InlineData("Did you mean '--CliTypes-name'?", "CliEcho", "--text=a", "--CliTyps-name=b")]
    [InlineData("Missing required parameter 'text' (string) of task CliEcho", "CliEcho")]
    [InlineData("--big: 'lots' is not a valid long", "CliTypes", "--big=lots")]
    [InlineData("--small: '300' is not a valid byte (out of range", "CliTypes", "--small=300")]
    [InlineData("--color: 'Blue' is not a valid CliColor (expected one of Red, Green)", "CliTypes", "--color=Blue")]
    [InlineData("--counts: '[1]' is not a valid dict<string, int>", "CliTypes", "--counts=[1]")]
    [InlineData("--numbers: '[1, \"x\"]' is not a valid list<int>", "CliTypes", "--numbers=[1, \"x\"]")]
    [InlineData("--inner: unknown task 'CliEcoh'. Did you mean 'CliEcho'?", "CliHolder", "--inner={\"type\": \"CliEcoh\"}")]
    [InlineData("Missing required parameter 'text' (string) of task CliEcho. Add \"text\" to the \"params\"", "CliHolder", "--inner={\"type\": \"CliEcho\"}")]
    [InlineData("--inner: task CliNumber is not a task<string>", "CliHolder", "--inner=CliNumber")]
    [InlineData("--workers: 'two' is not a valid number of workers", "CliEcho", "--text=a", "--workers", "two")]
    [InlineData("Option --workspace needs a value", "CliEcho", "--text=a", "--workspace")]
    [InlineData("Config file 'missing.ini' does not exist", "CliEcho", "--text=a", "--config", "missing.ini")]
    [InlineData("No task given", "--workers=2")]
    [InlineData("Unexpected argument 'extra'", "CliEcho", "extra", "--text=a")]
    [InlineData("No workspace provider opens 'gs://' (workspace 'gs://b/p'); none is registered", "CliEcho", "--text=a", "--workspace", "gs://b/p")]
    [InlineData("No workspace provider opens 's3://' (workspace 's3://b/p')", "CliEcho", "--text=a", "--workspace=s3://b/p")]
    [InlineData("No workspace provider opens 's3://'", "CliEcho", "--text=a", "--workspace=s3://b/p", "--dry-run")]
    [InlineData("No workspace provider opens 's3://'", "CliEcho", "--text=a", "--workspace=s3://b/p", "--tree")]
    public async Task Run_BadArguments_ExitsWithUsageErrorOneLineAndWritesNothing(string expected, params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains(expected, line);

        Assert.StartsWith("error: ", line);
        Assert.Empty(_cli.WorkspaceFiles());
        Assert.Equal(string.Empty, result.Output);
    }

    [Theory]
    [InlineData("[CliTypes]\nbig = many\n", "gokart.ini:2 [CliTypes] big: 'many' is not a valid long")]
    [InlineData("[CliTypes]\nnmae = x\n", "gokart.ini:2 [CliTypes] nmae: task CliTypes has no parameter 'nmae'. Did you mean 'name'?")]
    [InlineData("[CliTypes]\nname = ${NOPE}\n", "gokart.ini:2 [CliTypes] name: environment variable 'NOPE' is not set")]
    [InlineData("name = x\n", "gokart.ini:1: 'name = x' comes before any [section]")]
    [InlineData("[CliTypes\n", "gokart.ini:1: malformed section header")]
    [InlineData("[CliTypes]\njust words\n", "gokart.ini:2: cannot parse 'just words'")]
    [InlineData("[TaskOnKart]\nworkers = none\n", "gokart.ini:2 [TaskOnKart] workers: 'none' is not a valid number of workers")]
    [InlineData("[TaskOnKart]\nworkspace_directory = gs://b/p\n", "error: No workspace provider opens 'gs://' (workspace 'gs://b/p')")]
    [InlineData("[CliTwin]\n", "gokart.ini:1 [CliTwin]: Task name 'CliTwin' is ambiguous: GoKart.Tests.CommandLine.First.CliTwin, GoKart.Tests.CommandLine.Second.CliTwin")]
    public async Task Run_BadConfig_NamesFileSectionKeyAndType(string ini, string expected)
    {
        _cli.WriteFile("gokart.ini", ini);

        var result = await _cli.RunAsync("CliEcho", "--text=a");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Empty(_cli.WorkspaceFiles());
    }

    [Fact]
    public async Task Run_UnknownSectionsAndLuigiKeys_AreIgnored()
    {
        _cli.WriteFile("gokart.ini", "[logging]\nlevel = x\n\n[core]\nscheduler_host = h\n");

        var result = await _cli.RunAsync("CliEcho", "--text=a");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }
}
