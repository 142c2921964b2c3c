using System.Diagnostics;
using GoKart.Testing;

namespace GoKart.Tests.Formats;

/// <summary>Runs Debian's Python (with numpy and pandas from .ci/setup.sh) on a script; one launch per call.</summary>
internal static class PythonProcess
{
    public const string Executable = "/usr/bin/python3.11";

    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable);
        start.ArgumentList.Add("-");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var (code, output, error) = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2), input: script);
        Assert.True(code == 0, $"python failed ({code}):\n{error}\n{output}");
        return output;
    }
}
