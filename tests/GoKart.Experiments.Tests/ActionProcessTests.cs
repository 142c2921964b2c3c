using System.Diagnostics;

namespace GoKart.Experiments.Tests;

/// <summary>Child processes using the SetAction pattern and --norecord; every child is killed after a timeout.</summary>
public sealed class ActionProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempGitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private static string ProgramPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var testsFolder = output.Parent.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(testsFolder, "GoKart.Experiments.TestProgram", "bin", configuration, output.Name, "GoKart.Experiments.TestProgram.dll");
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[ProgramPath(), .. arguments, "--project-directory", _repo.Path])
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The test program ({string.Join(' ', arguments)}) did not end within {Timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task SetAction_ActionThrows_StatusErrorWithTheException()
    {
        var (code, _, _) = await RunAsync("action-throw");

        Assert.Equal(1, code);
        var status = _repo.Read("1", "STATUS");
        Assert.StartsWith("ERROR\nSystem.InvalidOperationException: boom from the action", status);
        Assert.Contains("Program.cs:line", status);
        Assert.Equal("hello from action-throw\n", _repo.Read("1", "stdout"));
    }

    [Fact]
    public async Task SetActionAsync_ActionThrows_StatusErrorWithExitCodeAndTheException()
    {
        var (code, _, _) = await RunAsync("action-throw-async");

        Assert.Equal(1, code);
        var status = _repo.Read("1", "STATUS");
        Assert.StartsWith("ERROR\nProcess exited with code 1.\n", status);
        Assert.Contains("System.InvalidOperationException: boom from the async action", status);
    }

    [Fact]
    public async Task NoRecord_ExitWithoutDispose_LeavesNoFolder()
    {
        var (code, output, _) = await RunAsync("norecord-open-exit", "--norecord");

        Assert.Equal(0, code);
        var folder = output.Split('\n').Single(l => l.StartsWith("folder ", StringComparison.Ordinal))["folder ".Length..].Trim();
        Assert.StartsWith(Path.GetTempPath(), folder);
        Assert.False(Directory.Exists(folder), $"{folder} was left behind");
        Assert.False(Directory.Exists(_repo.ExperimentsPath));
    }
}
