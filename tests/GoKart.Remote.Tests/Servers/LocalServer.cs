using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GoKart.Remote.Tests.Servers;

/// <summary>Free ports, readiness polling and stop-by-PID for the servers the tests start on 127.0.0.1.</summary>
internal static class LocalServer
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitForPortAsync(int port, string what, Func<bool>? exited = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (exited?.Invoke() == true)
            {
                throw new InvalidOperationException($"{what} exited before listening on 127.0.0.1:{port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{what} did not listen on 127.0.0.1:{port} within 60 s.");
    }

    /// <summary>Waits until nothing accepts connections on the port: the state a "server died" test needs.</summary>
    public static Task WaitForPortClosedAsync(int port) =>
        WaitUntilAsync(() => !Accepts(port), $"127.0.0.1:{port} to stop accepting connections");

    /// <summary>Polls a condition (a state the test needs, not a fixed delay); fails naming it after 60 s.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(20);
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // already gone
        }
        catch (InvalidOperationException)
        {
        }
    }
}
