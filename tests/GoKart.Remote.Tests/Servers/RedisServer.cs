using System.Diagnostics;
using GoKart.Testing;

namespace GoKart.Remote.Tests.Servers;

/// <summary>A redis-server on a free 127.0.0.1 port, without persistence; stopped by PID.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gokart-redis-").FullName;
    private int _pid;

    public int Port { get; private set; }

    public string Configuration => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        Port = LocalServer.FreePort();
        await StartAsync();
    }

    /// <summary>Starts the server (again) on <see cref="Port"/>, with no data.</summary>
    public async Task StartAsync()
    {
        var pidFile = Path.Combine(_directory, "redis.pid");
        File.Delete(pidFile);
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--daemonize", "yes", "--save", "", "--appendonly", "no", "--pidfile", pidFile, "--dir", _directory },
        };
        // The launcher forks the daemon and exits; the daemon itself is stopped by PID in StopAsync.
        var (code, output, error) = await ChildProcess.RunAsync(start, TimeSpan.FromSeconds(30));
        if (code != 0)
        {
            throw new InvalidOperationException($"redis-server failed to start: {error}{output}");
        }

        await LocalServer.WaitForPortAsync(Port, "redis-server");
        // The daemon writes its pid file right after it starts listening.
        await LocalServer.WaitUntilAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0, $"redis-server's pid file {pidFile}");
        _pid = int.Parse(File.ReadAllText(pidFile).Trim());
    }

    /// <summary>Stops the server (SIGKILL by PID), losing every key.</summary>
    public async Task StopAsync()
    {
        if (_pid != 0)
        {
            LocalServer.Kill(_pid);
            _pid = 0;
            await LocalServer.WaitForPortClosedAsync(Port);
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
