using System.Diagnostics;
using GoKart.Testing;

namespace GoKart.Experiments.Tests;

/// <summary>Ends a real child process in each way a program can end and reads the STATUS it left.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempGitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private static string ProgramPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var testsFolder = output.Parent.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(testsFolder, "GoKart.Experiments.TestProgram", "bin", configuration, output.Name, "GoKart.Experiments.TestProgram.dll");
    }

    private Process Start(string mode)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[ProgramPath(), mode, "--project-directory", _repo.Path])
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    private int Run(string mode)
    {
        using var process = Start(mode);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        ChildProcess.Wait(process);
        return process.ExitCode;
    }

    [Theory]
    [InlineData("return0", 0)]
    [InlineData("exit0", 0)]
    public void Process_EndsWithCodeZero_StatusSuccess(string mode, int expectedCode)
    {
        Assert.Equal(expectedCode, Run(mode));

        Assert.Equal("SUCCESS\n", _repo.Read("1", "STATUS"));
        Assert.NotNull(ExperimentCatalog.Read(Path.Combine(_repo.ExperimentsPath, "1")).EndTime);
        Assert.Equal($"hello from {mode}\n", _repo.Read("1", "stdout"));
        Assert.Equal("to stderr\n", _repo.Read("1", "stderr"));
    }

    [Theory]
    [InlineData("return3", 3)]
    [InlineData("exit5", 5)]
    public void Process_NonZeroExitCode_StatusErrorNamingTheCode(string mode, int expectedCode)
    {
        Assert.Equal(expectedCode, Run(mode));

        Assert.Equal($"ERROR\nProcess exited with code {expectedCode}.\n", _repo.Read("1", "STATUS"));
    }

    [Fact]
    public void Process_UnhandledException_StatusErrorWithException()
    {
        Assert.NotEqual(0, Run("throw"));

        var status = _repo.Read("1", "STATUS");
        Assert.StartsWith("ERROR\nSystem.InvalidOperationException: boom from the test program", status);
        Assert.Contains("Program.cs:line", status);
    }

    [Fact]
    public async Task Process_Killed_ListedAsDead()
    {
        using (var process = Start("hang"))
        {
            Assert.Equal("hello from hang", await ChildProcess.ReadLineAsync(process, TimeSpan.FromMinutes(1)));
            Assert.Equal(ExperimentStatus.Running, ExperimentCatalog.Read(Path.Combine(_repo.ExperimentsPath, "1")).Status);
            ChildProcess.Kill(process);
        }

        Assert.Equal("RUNNING\n", _repo.Read("1", "STATUS"));
        Assert.Equal(ExperimentStatus.Dead, ExperimentCatalog.Read(Path.Combine(_repo.ExperimentsPath, "1")).Status);
    }

    [Fact]
    public void Process_SeveralStartedAtOnce_GetDistinctIds()
    {
        var processes = Enumerable.Range(0, 4).Select(_ => Start("return0")).ToList();
        foreach (var process in processes)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            ChildProcess.Wait(process);
            Assert.Equal(0, process.ExitCode);
            process.Dispose();
        }

        var catalog = ExperimentCatalog.Load(_repo.ExperimentsPath);
        Assert.Equal(["1", "2", "3", "4"], catalog.Experiments.Select(e => e.Id));
        Assert.All(catalog.Experiments, e => Assert.Equal(ExperimentStatus.Success, e.Status));
        Assert.Empty(Directory.EnumerateDirectories(_repo.ExperimentsPath, ".new-*"));
    }
}
