using GoKart.CommandLine;

namespace GoKart.Tests.CommandLine;

/// <summary>Fails on its first run (leaving a marker file behind), succeeds afterwards.</summary>
public sealed class CliFailsFirst : TaskOnKart<string>
{
    public required string Marker { get; init; }

    protected override string Run()
    {
        if (!File.Exists(Marker))
        {
            File.WriteAllText(Marker, "seen");
            throw new InvalidOperationException("first run fails");
        }

        return "fine";
    }
}

public sealed class RetryCommandLineTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Marker => Path.Combine(_cli.Directory, "marker");

    [Fact]
    public async Task Run_RetryCountOption_SummarySaysSucceededAfterRetry()
    {
        var result = await _cli.RunAsync("CliFailsFirst", "--marker", Marker, "--retry-count", "1");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("* 1 ran successfully:", result.Output, StringComparison.Ordinal);
        Assert.Contains("(succeeded after 1 retry)", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scheduler")]
    [InlineData("worker")]
    [InlineData("TaskOnKart")]
    public async Task Run_RetryCountFromConfig_Retries(string section)
    {
        _cli.WriteFile("luigi.cfg", $"[{section}]\nretry_count = 2\nretry_delay = 0\n");

        var result = await _cli.RunAsync("CliFailsFirst", "--marker", Marker);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("(succeeded after 1 retry)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoRetry_FailsOnFirstError()
    {
        var result = await _cli.RunAsync("CliFailsFirst", "--marker", Marker);

        Assert.Equal(ExitCodes.TaskFailed, result.ExitCode);
        Assert.Contains("first run fails", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("two")]
    public async Task Run_BadRetryCount_UsageErrorNamingOption(string value)
    {
        var result = await _cli.RunAsync("CliFailsFirst", "--marker", Marker, "--retry-count", value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--retry-count", result.Error, StringComparison.Ordinal);
    }
}
