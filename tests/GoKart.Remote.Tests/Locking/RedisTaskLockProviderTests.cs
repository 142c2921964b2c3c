using GoKart.CommandLine;
using GoKart.Redis;
using GoKart.Remote.Tests.Servers;
using StackExchange.Redis;

namespace GoKart.Remote.Tests.Locking;

[Collection(RemoteCollection.Name)]
public sealed class RedisTaskLockProviderTests(RedisServer redis)
{
    [Theory]
    [InlineData("redis://localhost")]
    [InlineData("redis://localhost:http")]
    [InlineData("redis://localhost:6379/0")]
    [InlineData("redis://localhost:6379,password=x")]
    [InlineData("redis://:6379")]
    public void Open_MalformedLocation_ThrowsArgumentException(string location) =>
        Assert.Throws<ArgumentException>(() => new RedisTaskLockProvider().Open(location));

    [Fact]
    public void CanOpen_OnlyRedisScheme()
    {
        var provider = new RedisTaskLockProvider();

        Assert.True(provider.CanOpen("redis://h:1"));
        Assert.False(provider.CanOpen("s3://b/p"));
        Assert.False(provider.CanOpen("h:1"));
    }

    [Fact]
    public async Task Open_Location_LocksOnThatServerWithTheTemplatesPrefix()
    {
        var provider = new RedisTaskLockProvider(new RedisLockOptions { Configuration = "ignored:1", KeyPrefix = "provider-test:" });
        var opened = provider.Open($"redis://127.0.0.1:{redis.Port}");
        await using var disposable = (IAsyncDisposable)opened;
        using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var key = "Task_" + Guid.NewGuid().ToString("N");

        var handle = await opened.TryAcquireAsync(key, CancellationToken.None);

        Assert.NotNull(handle);
        Assert.True(await raw.GetDatabase().KeyExistsAsync("provider-test:" + key));
        await handle.DisposeAsync();
        Assert.False(await raw.GetDatabase().KeyExistsAsync("provider-test:" + key));
    }

    [Fact]
    public async Task KartRun_RedisHostAndPort_HoldsTheRunLockOnThatServerWhileTheTaskRuns()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var workspace = Path.Combine(Path.GetTempPath(), "gokart-redis-cli-" + Guid.NewGuid().ToString("N"));
        var options = new CommandLineOptions
        {
            Assemblies = [typeof(RedisTaskLockProviderTests).Assembly],
            Output = output,
            Error = error,
            GetEnvironmentVariable = _ => null,
            InteractiveProgress = false,
            WorkingDirectory = Path.GetTempPath(),
            BuildOptions = new BuildOptions { LockProviders = [new RedisTaskLockProvider()] },
        };
        try
        {
            var code = await Kart.RunAsync(
                ["LockProbe", $"--server={redis.Configuration}", "--workspace", workspace, "--redis-host", "127.0.0.1",
                 "--redis-port", redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                options);

            Assert.True(code == ExitCodes.Success, error.ToString());
            var result = Directory.GetFiles(Path.Combine(workspace, "GoKart", "Remote", "Tests", "Locking"), "LockProbe_*.json").Single();
            Assert.Equal("true", File.ReadAllText(result));
        }
        finally
        {
            if (Directory.Exists(workspace))
            {
                Directory.Delete(workspace, recursive: true);
            }
        }
    }
}

/// <summary>Reports whether its own run lock is held on the server while it runs.</summary>
[TaskOptions(ShouldLockRun = true)]
public sealed class LockProbe : TaskOnKart<bool>
{
    [Parameter(Significant = false)]
    public string Server { get; init; } = "";

    protected override bool Run()
    {
        using var connection = ConnectionMultiplexer.Connect(Server);
        return connection.GetDatabase().KeyExists($"LockProbe_{UniqueId}-run");
    }
}
