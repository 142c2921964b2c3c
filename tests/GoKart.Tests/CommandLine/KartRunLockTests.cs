using GoKart.CommandLine;
using GoKart.Tests.Execution;

namespace GoKart.Tests.CommandLine;

public sealed class KartRunLockTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("--redis-host is set but redis_port is not", "", "--redis-host", "localhost")]
    [InlineData("--redis-port is set but redis_host is not", "", "--redis-port=6379")]
    [InlineData("gokart.ini:2 [TaskOnKart] redis_host is set but redis_port is not", "[TaskOnKart]\nredis_host = localhost\n")]
    [InlineData("--redis-port: 'http' is not a port", "", "--redis-host=h", "--redis-port=http")]
    [InlineData("gokart.ini:3 [TaskOnKart] redis_port: '70000' is not a port", "[TaskOnKart]\nredis_host = h\nredis_port = 70000\n")]
    [InlineData("should_lock_run is set but no lock is configured", "[TaskOnKart]\nshould_lock_run = true\n")]
    [InlineData("No lock provider opens 'redis://' (lock location 'redis://localhost:6379'", "", "--redis-host=localhost", "--redis-port=6379")]
    public async Task Run_InconsistentLockSettings_ExitsWithUsageErrorAndWritesNothing(string expected, string ini, params string[] extra)
    {
        if (ini.Length > 0)
        {
            _cli.WriteFile("gokart.ini", ini);
        }

        var result = await _cli.RunAsync(["CliEcho", "--text=a", .. extra]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.Empty(_cli.WorkspaceFiles());
    }

    [Fact]
    public async Task Run_RedisHostAndPortOnCommandLine_LockEveryRunThroughTheProvider()
    {
        var provider = new LockSettingsTests.RecordingProvider();
        _cli.WriteFile("gokart.ini", "[TaskOnKart]\nshould_lock_run = true\n");

        var result = await _cli.RunAsync(new BuildOptions { LockProviders = [provider] }, CancellationToken.None, "CliEcho", "--text=a", "--redis-host", "10.0.0.5", "--redis-port", "6380");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["redis://10.0.0.5:6380"], provider.Opened);
        Assert.Contains($"CliEcho_{new CliEcho { Text = "a" }.UniqueId}-run", Assert.Single(provider.Locks).Tried);
    }

    [Fact]
    public async Task Run_RedisSettingsInConfig_CommandLineOverridesThem()
    {
        var provider = new LockSettingsTests.RecordingProvider();
        _cli.WriteFile("gokart.ini", "[TaskOnKart]\nredis_host = config-host\nredis_port = 6379\nshould_lock_run = true\n");

        var fromConfig = await _cli.RunAsync(new BuildOptions { LockProviders = [provider] }, CancellationToken.None, "CliEcho", "--text=a");
        var overridden = await _cli.RunAsync(new BuildOptions { LockProviders = [provider] }, CancellationToken.None, "CliEcho", "--text=b", "--redis-port=7000");

        Assert.Equal(ExitCodes.Success, fromConfig.ExitCode);
        Assert.Equal(ExitCodes.Success, overridden.ExitCode);
        Assert.Equal(["redis://config-host:6379", "redis://config-host:7000"], provider.Opened);
    }

    [Fact]
    public async Task Help_ListsTheRedisOptions()
    {
        var result = await _cli.RunAsync("--help");

        Assert.Contains("--redis-host HOST", result.Output);
        Assert.Contains("--redis-port PORT", result.Output);
    }
}
