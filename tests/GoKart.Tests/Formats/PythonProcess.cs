using System.Diagnostics;

namespace GoKart.Tests.Formats;

/// <summary>Runs Debian's Python (with numpy and pandas from .ci/setup.sh) on a script; one launch per call.</summary>
internal static class PythonProcess
{
    public const string Executable = "/usr/bin/python3.11";

    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"python failed ({process.ExitCode}):\n{await error}\n{await output}");
        return await output;
    }
}
