using System.Diagnostics;
using GoKart.Storage;

namespace GoKart.Bench;

/// <summary>
/// Issue 18's file-handling rows: a cold chain build beside two loops that write exactly the files that build writes
/// (same relative names, same sizes, outputs through a temporary name and a rename, logs in place), with no engine:
/// <list type="bullet">
/// <item>".NET loop": the idiomatic .NET way, <c>File.OpenHandle</c> + <c>RandomAccess.Write</c> (+ <c>File.Move</c>);</item>
/// <item>"raw loop": <c>bench/disk_probe.py --replay</c>, Python's <c>os.open</c>/<c>os.write</c>/<c>os.close</c>/<c>os.rename</c>,
/// i.e. the system calls alone (timed inside the child, so its start-up is not counted).</item>
/// </list>
/// The three run interleaved, each into a fresh folder after <c>sync</c>; nothing is deleted until the end (see "The disk").
/// </summary>
internal static class FileFloor
{
    public static int Run(int tasks, int repeats, string root, Action<string> sync)
    {
        var template = Path.Combine(root, "template");
        Kart.Build(ChainStep.Build(tasks), new BuildOptions { Workspace = template });
        var files = Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(template, f), Size: (int)new FileInfo(f).Length))
            .ToList();
        var listing = Path.Combine(root, "files.txt");
        File.WriteAllLines(listing, files.Select(f => $"{f.Size}\t{f.Path}"));
        var probe = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "disk_probe.py"));

        DotnetLoop(Path.Combine(root, "warm-up"), files); // JIT and page-cache warm-up, untimed
        var build = new List<double>();
        var dotnet = new List<double>();
        var raw = new List<double>();
        var ratios = new List<double>();
        var count = 0;
        for (var i = 0; i < repeats; i++)
        {
            var folder = Path.Combine(root, $"net-{i}");
            sync(folder);
            var sw = Stopwatch.StartNew();
            DotnetLoop(folder, files);
            dotnet.Add(sw.Elapsed.TotalSeconds);

            folder = Path.Combine(root, $"raw-{i}");
            sync(folder);
            raw.Add(RawLoop(probe, listing, folder));

            folder = Path.Combine(root, $"build-{i}");
            sync(folder);
            sw.Restart();
            Kart.Build(ChainStep.Build(tasks), new BuildOptions { Workspace = folder });
            build.Add(sw.Elapsed.TotalSeconds);
            ratios.Add(build[^1] / dotnet[^1]);
            count = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();
        }

        Console.WriteLine($"chain of {tasks}, cold, {files.Count:N0} files ({count:N0} in the last build), {repeats} interleaved repeats, load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| row | median s | per task µs | min s | max s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Row($"chain of {tasks}, cold build (in process)", build, tasks);
        Row("  the same files, .NET loop (File.OpenHandle + RandomAccess.Write, rename for outputs)", dotnet, tasks);
        Row("  the same files, raw system calls (Python os.open/os.write/os.close/os.rename)", raw, tasks);
        ratios.Sort();
        Console.WriteLine($"| cold build / .NET loop, median of per-repeat ratios | **{ratios[ratios.Count / 2]:F3}** | | {ratios[0]:F3} | {ratios[^1]:F3} |");
        return 0;
    }

    /// <summary>The files of one cold build written the plain .NET way (FileShare.None: .NET's flock, no fstatfs).</summary>
    private static void DotnetLoop(string folder, List<(string Path, int Size)> files)
    {
        var payload = new byte[files.Max(f => f.Size)];
        payload.AsSpan().Fill((byte)'x');
        var made = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (relative, size) in files)
        {
            var final = Path.Combine(folder, relative);
            var directory = Path.GetDirectoryName(final)!;
            if (made.Add(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var output = !relative.StartsWith("log" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            var path = output ? Path.Combine(directory, "." + Path.GetFileName(final) + LocalFileStore.TempMarker + "0") : final;
            using (var handle = File.OpenHandle(path, output ? FileMode.CreateNew : FileMode.Create, FileAccess.Write, FileShare.None))
            {
                RandomAccess.Write(handle, payload.AsSpan(0, size), 0);
            }

            if (output)
            {
                File.Move(path, final, overwrite: true);
            }
        }
    }

    private static double RawLoop(string probe, string listing, string folder)
    {
        var info = new ProcessStartInfo("timeout", ["600", "python3", probe, "--replay", listing, folder]) { UseShellExecute = false, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"disk_probe.py --replay exited {process.ExitCode}: {output}");
        }

        // The probe's last line: "<seconds> s".
        return double.Parse(output.Trim().Split('\n')[^1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Row(string name, List<double> seconds, int tasks)
    {
        seconds.Sort();
        var median = seconds[seconds.Count / 2];
        Console.WriteLine($"| {name} | {median:F3} | {median / tasks * 1e6:F0} | {seconds[0]:F3} | {seconds[^1]:F3} |");
    }
}
