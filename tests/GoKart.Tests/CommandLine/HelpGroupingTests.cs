using GoKart.CommandLine;

namespace GoKart.Tests.CommandLine;

public sealed class HelpGroupingTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_HelpWithManyTasks_GroupsThemByNamespace()
    {
        var result = await _cli.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var commandLine = result.Output.IndexOf("\n GoKart.Tests.CommandLine:\n", StringComparison.Ordinal);
        var hashing = result.Output.IndexOf("\n GoKart.Tests.Hashing:\n", StringComparison.Ordinal);
        Assert.True(commandLine >= 0 && hashing > commandLine, result.Output);
        var hashingSection = result.Output[hashing..];
        Assert.Contains("\n  IntervalTask\n", hashingSection, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  CliEcho\n", hashingSection, StringComparison.Ordinal);
    }
}
