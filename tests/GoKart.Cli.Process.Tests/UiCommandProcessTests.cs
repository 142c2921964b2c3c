using System.Diagnostics;
using System.Text.Json;

namespace GoKart.Cli.Process.Tests;

/// <summary><c>gokart ui</c> as a real process: its one line, loopback binding, read-only answers, exit codes.</summary>
public sealed class UiCommandProcessTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ui_PrintsItsLoopbackAddress_ServesTheWorkspace_AndStopsOnSigterm()
    {
        Assert.Equal(0, (await _cli.RunAsync("Pair")).ExitCode);
        using var process = _cli.StartGokart("ui");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.NotNull(line);
            Assert.Matches(@"^GoKart UI: http://127\.0\.0\.1:\d+/$", line);
            var url = new Uri(line["GoKart UI: ".Length..]);
            using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
            using var runs = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/runs", UriKind.Relative)));
            Assert.Equal(3, runs.RootElement.GetProperty("total").GetInt32());
            using var post = await client.PostAsync(new Uri("/api/runs", UriKind.Relative), null);
            Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, post.StatusCode);

            Signal(process.Id, "TERM");
            await GoKart.Testing.ChildProcess.WaitAsync(process, TimeSpan.FromMinutes(1));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Ui_AnotherHost_Warns()
    {
        Assert.Equal(0, (await _cli.RunAsync("Pair")).ExitCode);
        // 127.0.0.2 is still loopback (no traffic leaves the machine) but not the default address: the tool warns.
        using var process = _cli.StartGokart("ui", "--host", "127.0.0.2");
        try
        {
            var warning = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.StartsWith("warning: --host 127.0.0.2:", warning, StringComparison.Ordinal);
            Assert.Matches(@"^GoKart UI: http://127\.0\.0\.2:\d+/$", await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)));
            Signal(process.Id, "INT");
            await GoKart.Testing.ChildProcess.WaitAsync(process, TimeSpan.FromMinutes(1));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Theory]
    [InlineData("no-such-folder")]
    [InlineData("--port", "70000")]
    [InlineData("--experiments", "no-such-experiments")]
    public async Task Ui_BadWorkspaceOrArguments_Exit2NamingThem(params string[] args)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(_cli.Directory, "resources"));
        var (code, output, error) = await _cli.RunGokartAsync(["ui", .. args]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(args[^1], error, StringComparison.Ordinal);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = System.Diagnostics.Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        GoKart.Testing.ChildProcess.Wait(kill, TimeSpan.FromSeconds(30));
    }
}
