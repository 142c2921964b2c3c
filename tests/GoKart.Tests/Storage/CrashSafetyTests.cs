using System.Diagnostics;
using GoKart.Testing;
using GoKart.Tests.Support;

namespace GoKart.Tests.Storage;

public sealed class CrashSafetyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Build_KilledMidDump_LeavesNoOutputAndNextRunIsCorrect()
    {
        using (var child = StartChild("slow"))
        {
            var line = await ChildProcess.ReadLineAsync(child, TimeSpan.FromSeconds(60));
            Assert.Equal("DUMPING", line);
            ChildProcess.Kill(child);
        }

        var left = _dir.Files();
        Assert.DoesNotContain(left, f => f.StartsWith("big/data_", StringComparison.Ordinal) && f.EndsWith(".chunked", StringComparison.Ordinal));
        Assert.Contains(left, f => f.Contains(".gokart-tmp-", StringComparison.Ordinal));

        using (var again = StartChild("fast"))
        {
            var output = again.StandardOutput.ReadToEndAsync();
            await ChildProcess.WaitAsync(again, TimeSpan.FromSeconds(120));
            Assert.Equal(0, again.ExitCode);
            Assert.Contains($"DONE {64 << 20}", await output, StringComparison.Ordinal);
        }

        var written = Directory.GetFiles(_dir.Combine("big"), "data_*.chunked").Single();
        var bytes = await File.ReadAllBytesAsync(written);
        Assert.Equal(64 << 20, bytes.Length);
        for (var i = 0; i < bytes.Length; i += 4099)
        {
            Assert.Equal((byte)(i * 31 % 251), bytes[i]);
        }
    }

    private Process StartChild(string mode)
    {
        var dll = CrashChild.Dll();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(_dir.Path);
        info.ArgumentList.Add(mode);
        return Process.Start(info)!;
    }
}
