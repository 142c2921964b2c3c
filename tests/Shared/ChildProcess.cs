using System.Diagnostics;

namespace GoKart.Testing;

/// <summary>
/// Every child process a test starts ends within a time limit: on expiry it is killed (with its children) and
/// the test fails naming the command, instead of the suite hanging.
/// </summary>
/// <remarks>Linked into each test project by Directory.Build.props.</remarks>
internal static class ChildProcess
{
    /// <summary>Enough for a dotnet program or a Python script on a loaded 2-core CI machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Waits for the process to exit (and its redirected output to close); kills it when the time is up.</summary>
    public static async Task WaitAsync(Process process, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using var expiry = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(expiry.Token);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested)
        {
            Kill(process);
            throw new TimeoutException($"Child process '{Describe(process)}' did not exit within {limit.TotalSeconds:0} s; it was killed.");
        }
    }

    /// <summary>The synchronous twin of <see cref="WaitAsync"/>, for tests that are not async.</summary>
    public static void Wait(Process process, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            Kill(process);
            throw new TimeoutException($"Child process '{Describe(process)}' did not exit within {limit.TotalSeconds:0} s; it was killed.");
        }

        process.WaitForExit(); // lets redirected output finish
    }

    /// <summary>Reads the next line of standard output, failing instead of waiting for ever on a child that went quiet.</summary>
    public static async Task<string?> ReadLineAsync(Process process, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        try
        {
            return await process.StandardOutput.ReadLineAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            Kill(process);
            throw new TimeoutException($"Child process '{Describe(process)}' printed no line within {limit.TotalSeconds:0} s; it was killed.");
        }
    }

    /// <summary>Starts a process, collects its output and waits for it with a time limit.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(ProcessStartInfo start, TimeSpan? timeout = null, string? input = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = input is not null;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        await WaitAsync(process, timeout);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Kills the process and its children (SIGKILL) and waits, bounded, until it is gone.</summary>
    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"Child process '{Describe(process)}' did not die within 30 s of SIGKILL.");
        }
    }

    private static string Describe(Process process)
    {
        try
        {
            var arguments = process.StartInfo.ArgumentList.Count > 0 ? string.Join(' ', process.StartInfo.ArgumentList) : process.StartInfo.Arguments;
            return $"{process.StartInfo.FileName} {arguments}".Trim();
        }
        catch (InvalidOperationException)
        {
            return "(unknown)";
        }
    }
}
