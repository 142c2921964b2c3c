using System.Diagnostics;
using BenchmarkDotNet.Running;
using GoKart;
using GoKart.Bench;
using GoKart.Storage;

// One command runs every workload: dotnet run -c Release --project bench/GoKart.Bench -- all
// Internal modes (used by the harness for fresh-process runs): chain-once, fanin-once, tree-check.
var mode = args.Length > 0 ? args[0] : "all";
switch (mode)
{
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(Harness).Assembly).Run(args[1..]);
        return 0;
    case "chain-once":
        Console.WriteLine(Kart.Build(ChainStep.Build(1000), new BuildOptions { Workspace = args[1] }));
        return 0;
    case "fanin-once":
        Console.WriteLine(Kart.Build(FanRoot.Build(2000), new BuildOptions { Workspace = args[1] }));
        return 0;
    case "tree-check":
        return Harness.TreeCheck(args[1], strict: args.Length > 2 && args[2] == "strict");
    case "graph":
        for (var i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            var tree = TreeNode.Build(100, 999);
            var made = sw.Elapsed.TotalMilliseconds;
            var graph = GoKart.Execution.TaskGraph.Build(tree);
            Console.WriteLine($"construct {made:F0} ms, graph {sw.Elapsed.TotalMilliseconds - made:F0} ms, nodes {graph.Nodes.Count}, gc0 {GC.CollectionCount(0)} gc1 {GC.CollectionCount(1)} gc2 {GC.CollectionCount(2)}, allocated {GC.GetTotalAllocatedBytes() >> 20} MiB");
        }

        return 0;
    case "engine":
        // engine <repeats>: the rows issue 18 item 5 compares before and after (in-memory builds, fresh-process rebuilds, hello).
        return Harness.RunEngine(int.Parse(args[1]));
    case "files":
        // files <tasks> <repeats>: the cold chain beside the .NET and raw-syscall loops writing the same files (FileFloor).
        try
        {
            return FileFloor.Run(int.Parse(args[1]), int.Parse(args[2]), Harness.NewRoot(), Harness.SyncInto);
        }
        finally
        {
            Harness.DeleteWorkspaces();
        }

    case "tree":
        await Harness.TreeOnlyAsync();
        return 0;
    case "memory":
        // The in-memory rows alone, for A/B runs of two builds of the engine: memory REPEATS [journal]
        Harness.EngineOnly(int.Parse(args[1]), journal: args.Length > 2 && args[2] == "journal");
        return 0;
    default:
        return await Harness.RunAllAsync(args.Length > 1 ? int.Parse(args[1]) : 5);
}

/// <summary>Times the workloads of issue 2 and prints a Markdown table.</summary>
internal static class Harness
{
    public static async Task<int> RunAllAsync(int repeats)
    {
        var self = typeof(Harness).Assembly.Location;
        Console.Error.WriteLine($"Workspaces under {Workspace.Root}, deleted when the run ends. On ext4 without a journal, start a run "
            + "at least 6 minutes after deleting many files there (a previous run included): see \"The disk\" in bench/README.md.");
        var cpuBefore = CpuTimes();
        var calibration = Calibrate();
        var rows = new List<string>();
        rows.AddRange(MeasureCold("chain of 1000, cold build (in process)", repeats, 1000, ws => Kart.Build(ChainStep.Build(1000), new BuildOptions { Workspace = ws })));
        rows.Add(MeasureInMemory("chain of 1000, cold build, in-memory store (the engine alone)", repeats, () => Kart.Build(ChainStep.Build(1000), new BuildOptions { Store = new InMemoryStore() })));
        rows.Add(MeasureProcess("chain of 1000, rebuild in a fresh process", repeats, ws => Kart.Build(ChainStep.Build(1000), new BuildOptions { Workspace = ws }), self, "chain-once"));
        rows.AddRange(MeasureCold("fan-in of 2000, cold build (in process)", repeats, 2001, ws => Kart.Build(FanRoot.Build(2000), new BuildOptions { Workspace = ws })));
        rows.Add(MeasureInMemory("fan-in of 2000, cold build, in-memory store (the engine alone)", repeats, () => Kart.Build(FanRoot.Build(2000), new BuildOptions { Store = new InMemoryStore() })));
        rows.Add(MeasureProcess("fan-in of 2000, rebuild in a fresh process", repeats, ws => Kart.Build(FanRoot.Build(2000), new BuildOptions { Workspace = ws }), self, "fanin-once"));
        rows.Add(MeasureHello(repeats, HelloDll("Release/net10.0"), "hello (Quickstart, cold) whole process"));
        rows.AddRange(MeasureReadyToRun(repeats));
        rows.Add(await MeasureTreeAsync(self, strict: false));
        rows.Add(await MeasureTreeAsync(self, strict: true));
        Workspace.DeleteAll();
        Console.WriteLine();
        Console.WriteLine("| workload | median | min | max | peak RSS |");
        Console.WriteLine("|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        var (total, steal) = CpuTimes();
        Console.WriteLine($"CPU time stolen by the host during the run: {100.0 * (steal - cpuBefore.Steal) / Math.Max(1, total - cpuBefore.Total):F1} %");
        Console.WriteLine($"Calibration loop (fixed CPU work, compare runs with it): {calibration * 1000:F0} ms before, {Calibrate() * 1000:F0} ms after");
        return 0;
    }

    public static int RunEngine(int repeats)
    {
        var self = typeof(Harness).Assembly.Location;
        var rows = new List<string>
        {
            MeasureInMemory("chain of 1000, cold build, in-memory store (the engine alone)", repeats, () => Kart.Build(ChainStep.Build(1000), new BuildOptions { Store = new InMemoryStore() })),
            MeasureInMemory("fan-in of 2000, cold build, in-memory store (the engine alone)", repeats, () => Kart.Build(FanRoot.Build(2000), new BuildOptions { Store = new InMemoryStore() })),
            MeasureProcess("chain of 1000, rebuild in a fresh process", repeats, ws => Kart.Build(ChainStep.Build(1000), new BuildOptions { Workspace = ws }), self, "chain-once"),
            MeasureProcess("fan-in of 2000, rebuild in a fresh process", repeats, ws => Kart.Build(FanRoot.Build(2000), new BuildOptions { Workspace = ws }), self, "fanin-once"),
            MeasureHello(repeats, HelloDll("Release/net10.0"), "hello (Quickstart, cold) whole process"),
        };
        Workspace.DeleteAll();
        Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>
    /// Seconds for a fixed single-threaded integer loop, best of three: the same work took 40 % longer in some runs than in
    /// others on this shared VM with no steal reported, so each run states how fast its CPU was.
    /// </summary>
    private static double Calibrate()
    {
        var best = double.MaxValue;
        ulong x = 88172645463325252UL;
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < 50_000_000; i++)
            {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }

            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }

        GC.KeepAlive(x);
        return best;
    }

    /// <summary>
    /// All CPU time and the part the hypervisor gave to other guests ("steal"), from /proc/stat, in clock ticks. On a
    /// shared VM the CPU-bound rows slow down with it, so the harness prints it next to the figures.
    /// </summary>
    private static (long Total, long Steal) CpuTimes()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(long.Parse).ToArray();
            return (fields.Sum(), fields.Length > 7 ? fields[7] : 0);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    public static async Task TreeOnlyAsync()
    {
        var self = typeof(Harness).Assembly.Location;
        await MeasureTreeAsync(self, strict: false);
        await MeasureTreeAsync(self, strict: true);
        Workspace.DeleteAll();
    }

    /// <summary>A build that touches no disk (the in-memory rows).</summary>
    public static void EngineOnly(int repeats, bool journal)
    {
        BuildOptions Options() => new() { Store = new InMemoryStore(), ReadConfigFiles = false, Journal = journal };
        MeasureInMemory("chain of 1000, in-memory store" + (journal ? ", journal on" : ""), repeats, () => Kart.Build(ChainStep.Build(1000), Options()));
        MeasureInMemory("fan-in of 2000, in-memory store" + (journal ? ", journal on" : ""), repeats, () => Kart.Build(FanRoot.Build(2000), Options()));
    }

    private static string MeasureInMemory(string name, int repeats, Action build)
    {
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            build();
            times.Add(sw.Elapsed.TotalSeconds);
        }

        return Row(name, times, null);
    }

    /// <summary>
    /// Cold builds on disk, each in a fresh folder, each preceded by the disk baseline for the same number of files.
    /// Dirty pages are flushed before every timed run, so one run's write-back does not land in the next run's time.
    /// </summary>
    private static IEnumerable<string> MeasureCold(string name, int repeats, int tasks, Action<string> build)
    {
        var times = new List<double>();
        var disk = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var baseline = new Workspace();
            Sync();
            var sw = Stopwatch.StartNew();
            DiskBaseline.Write(baseline.Path, tasks);
            disk.Add(sw.Elapsed.TotalSeconds);

            var ws = new Workspace();
            Sync();
            sw.Restart();
            build(ws.Path);
            times.Add(sw.Elapsed.TotalSeconds);
        }

        return [Row(name, times, null), Row($"  the same {tasks * 6:N0} files written by a plain loop (the disk alone)", disk, null)];
    }

    /// <summary>Deletes every workspace of this run (at its end: see <see cref="Workspace"/>).</summary>
    public static void DeleteWorkspaces() => Workspace.DeleteAll();

    /// <summary>A fresh scratch folder for a mode that manages its own workspaces (deleted when the run ends).</summary>
    public static string NewRoot() => new Workspace().Path;

    /// <summary>Flushes dirty pages, then names a folder that does not exist yet.</summary>
    public static void SyncInto(string folder)
    {
        Sync();
        if (Directory.Exists(folder))
        {
            throw new InvalidOperationException($"{folder} exists already.");
        }
    }

    private static void Sync()
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })!;
        sync.WaitForExit();
    }

    private static string MeasureProcess(string name, int repeats, Action<string> prepare, string self, string mode)
    {
        var ws = new Workspace();
        prepare(ws.Path);
        var times = new List<double>();
        long peak = 0;
        for (var i = 0; i < repeats; i++)
        {
            var (seconds, rss) = TimeProcess("dotnet", [self, mode, ws.Path]);
            times.Add(seconds);
            peak = Math.Max(peak, rss);
        }

        return Row(name, times, peak);
    }

    /// <summary>
    /// The fresh-process rows again with the program and GoKart compiled ahead of time (ReadyToRun), when the
    /// published copies exist (bench/README.md gives the two <c>dotnet publish</c> commands): start-up is mostly JIT.
    /// </summary>
    private static IEnumerable<string> MeasureReadyToRun(int repeats)
    {
        var bench = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "r2r", "GoKart.Bench.dll"));
        if (!File.Exists(bench))
        {
            return [$"| ReadyToRun rows | publish to {bench} first | | | |"];
        }

        return
        [
            MeasureProcess("chain of 1000, rebuild in a fresh process, ReadyToRun", repeats, ws => Kart.Build(ChainStep.Build(1000), new BuildOptions { Workspace = ws }), bench, "chain-once"),
            MeasureProcess("fan-in of 2000, rebuild in a fresh process, ReadyToRun", repeats, ws => Kart.Build(FanRoot.Build(2000), new BuildOptions { Workspace = ws }), bench, "fanin-once"),
            MeasureHello(repeats, HelloDll("r2r"), "hello (Quickstart, cold) whole process, ReadyToRun"),
        ];
    }

    private static string HelloDll(string binFolder) =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "Quickstart", "bin", binFolder, "Quickstart.dll"));

    private static string MeasureHello(int repeats, string dll, string name)
    {
        if (!File.Exists(dll))
        {
            return $"| {name} | build or publish {dll} first | | | |";
        }

        var times = new List<double>();
        long peak = 0;
        for (var i = 0; i < repeats; i++)
        {
            var ws = new Workspace();
            Directory.CreateDirectory(ws.Path);
            var (seconds, rss) = TimeProcess("dotnet", [dll], ws.Path);
            times.Add(seconds);
            peak = Math.Max(peak, rss);
        }

        return Row(name, times, peak);
    }

    private static async Task<string> MeasureTreeAsync(string self, bool strict)
    {
        var ws = new Workspace();
        var root = TreeNode.Build(100, 999);
        await Outputs.CreateAllAsync(root, ws.Path);
        var (seconds, rss) = TimeProcess("dotnet", [self, "tree-check", ws.Path, strict ? "strict" : "plain"]);
        var name = strict ? "100,000-task graph, all outputs exist, strict check (stats every output), fresh process" : "100,000-task graph, all outputs exist, fresh process";
        return Row(name, [seconds], rss);
    }

    public static int TreeCheck(string workspace, bool strict)
    {
        var sw = Stopwatch.StartNew();
        var root = TreeNode.Build(100, 999);
        var report = Kart.ExecuteAsync(root, new BuildOptions { Workspace = workspace, StrictCheck = strict }).GetAwaiter().GetResult();
        Console.Error.WriteLine($"checked {report.Tasks.Count} task(s) in {sw.Elapsed.TotalSeconds:F3} s, ran {report.Tasks.Count(t => t.Status == TaskRunStatus.Succeeded)}");
        return report.Tasks.Any(t => t.Status == TaskRunStatus.Succeeded) ? 1 : 0;
    }

    private static (double Seconds, long PeakRss) TimeProcess(string file, string[] arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        var sw = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        long peak = 0;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        while (!process.WaitForExit(5))
        {
            peak = Math.Max(peak, PeakRss(process.Id));
        }

        var seconds = sw.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {stdout.Result}{stderr.Result}");
        }

        return (seconds, peak);
    }

    /// <summary>VmHWM (peak resident set) of a running process, in bytes; 0 when it is gone.</summary>
    private static long PeakRss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    private static string Row(string name, List<double> seconds, long? peakRss)
    {
        seconds.Sort();
        var median = seconds[seconds.Count / 2];
        var rss = peakRss is { } p && p > 0 ? $"{p / (1024.0 * 1024):F0} MiB" : "";
        var row = $"| {name} | {median:F3} s | {seconds[0]:F3} s | {seconds[^1]:F3} s | {rss} |";
        Console.WriteLine(row);
        return row;
    }

    /// <summary>
    /// A fresh folder under one scratch root. Nothing is deleted until the whole run ends: on ext4 without a journal
    /// (this VM's disk) the kernel will not reuse an inode deleted less than 60 s ago (6 min while its inode table
    /// block is dirty) and scans past every such inode on each file it creates, so deleting one row's 12,000 files
    /// made the next row's file creation up to 30 times slower. See "The disk" in bench/README.md.
    /// </summary>
    private sealed class Workspace
    {
        // GOKART_BENCH_DIR puts workspaces elsewhere (e.g. /dev/shm to take the disk out of the figures).
        public static readonly string Root = System.IO.Path.Combine(
            Environment.GetEnvironmentVariable("GOKART_BENCH_DIR") ?? System.IO.Path.GetTempPath(), "gokart-bench-" + Guid.NewGuid().ToString("N")[..8]);

        public string Path { get; } = System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N")[..8]);

        public static void DeleteAll()
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, true);
            }
        }
    }
}
