using System.Net.Sockets;
using System.Runtime.InteropServices;
using GoKart.S3;
using GoKart.Ui;

namespace GoKart.Cli.Tasks;

/// <summary>Starts <see cref="UiServer"/>, prints its address on one line, and serves until Ctrl+C or SIGTERM.</summary>
internal static class UiAction
{
    public static int Run(string workspace, string? experiments, int port, string? host, TextWriter output, TextWriter error)
    {
        if (port is < 0 or > 65535)
        {
            return Fail(error, $"--port {port} is not a port (0 to 65535; 0 picks a free one).");
        }

        if (experiments is null && Directory.Exists("experiments"))
        {
            experiments = "experiments";
        }

        if (host is not null && host != "127.0.0.1" && host != "::1" && host != "localhost")
        {
            error.WriteLine($"warning: --host {host}: the page (read-only, without authentication) is reachable from the network; prefer SSH port forwarding (docs/viewer.md).");
        }

        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            var options = new UiOptions
            {
                Workspace = workspace,
                ExperimentsDirectory = experiments,
                Port = port,
                Host = host ?? "127.0.0.1",
                StoreProviders = [new S3StoreProvider()],
                CacheDirectory = Environment.GetEnvironmentVariable("GOKART_CACHE_DIR") is { Length: > 0 } dir ? dir : null,
            };
            return Serve(options, output, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C while the index was still loading.
            return GokartCommand.Ok;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or ArgumentException or IOException or SocketException)
        {
            return Fail(error, e is DirectoryNotFoundException ? e.Message + " (give a folder or s3://bucket/prefix, or set GOKART_WORKSPACE)." : e.Message);
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task<int> Serve(UiOptions options, TextWriter output, CancellationToken stop)
    {
        var server = await UiServer.StartAsync(options, stop).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            await output.WriteLineAsync($"GoKart UI: {server.Url}").ConfigureAwait(false);
            await output.FlushAsync(stop).ConfigureAwait(false);
            await server.WaitForShutdownAsync(stop).ConfigureAwait(false);
        }

        return GokartCommand.Ok;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("error: " + message);
        return GokartCommand.BadArguments;
    }
}
