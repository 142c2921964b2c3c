using System.Diagnostics;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using GoKart.Testing;
using GoKart.Tests.Support;

namespace GoKart.Tests.Formats;

/// <summary>
/// A first .npz load in a fresh process runs GoKart's precompiled (ReadyToRun) code: no GoKart method and no
/// P/Invoke stub is JIT-compiled on the way, which was 2-4 ms of a first load (issue 18). Constrained generic methods,
/// by-ref or SafeHandle arguments to native calls and SetLastError all silently bring the JIT back.
/// </summary>
public sealed class NpzFirstLoadJitTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FirstLoad_InAFreshProcess_JitCompilesNoGoKartMethodAndNoNativeCallStub()
    {
        var library = typeof(Kart).Assembly.Location;
        if (!IsReadyToRun(library))
        {
            // Only Release builds on linux-x64 are precompiled (src/ReadyToRun.targets); there the image must be there.
            var debug = typeof(NpzFirstLoadJitTests).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;
            Assert.False(!debug && OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64, $"{library} is not ReadyToRun in a Release build on linux-x64.");
            return;
        }

        Assert.Contains("DONE 2 499999.5", await RunChildAsync("npz-dump", null), StringComparison.Ordinal);
        var list = _dir.Combine("jit.txt");
        Assert.Contains("DONE 2 499999.5", await RunChildAsync("npz-load", list), StringComparison.Ordinal);

        var compiled = (await File.ReadAllLinesAsync(list)).Where(l => l.Contains("JIT compiled ", StringComparison.Ordinal)).ToList();
        Assert.Contains(compiled, l => l.Contains("<Main>$", StringComparison.Ordinal)); // the listing works: the test program is not precompiled
        Assert.DoesNotContain(compiled, l => l.Contains("IL_STUB_PInvoke", StringComparison.Ordinal));
        Assert.DoesNotContain(compiled, l => l.Contains("JIT compiled GoKart.", StringComparison.Ordinal));
    }

    private static bool IsReadyToRun(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private async Task<string> RunChildAsync(string mode, string? jitList)
    {
        var dll = CrashChild.Dll();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(_dir.Path);
        info.ArgumentList.Add(mode);
        info.Environment.Remove("DOTNET_ReadyToRun");
        info.Environment.Remove("DOTNET_TieredCompilation");
        if (jitList is not null)
        {
            info.Environment["DOTNET_JitStdOutFile"] = jitList;
            info.Environment["DOTNET_JitDisasmSummary"] = "1";
        }

        using var child = Process.Start(info)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        await ChildProcess.WaitAsync(child, TimeSpan.FromSeconds(120));
        Assert.True(child.ExitCode == 0, $"{mode} exited with {child.ExitCode}: {await error}");
        return await output;
    }
}
