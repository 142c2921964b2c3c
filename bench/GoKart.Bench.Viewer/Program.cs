using System.Diagnostics;
using System.Globalization;
using System.Text;
using GoKart.Viewer;

// Workspace index benchmark: N recorded runs (100 task classes × N/100 runs, each with five log files and an
// output, laid out as the engine writes them), listed by a fresh process with an empty cache (cold) and again
// with the cache it left (warm); the first cold run after dropping the log files from the page cache (Evict.cs).
// Modes: all [N] [DIR] | generate DIR N | scan DIR CACHE | phases DIR CACHE [THREADS] | evict DIR | ui DIR CACHE (UiBench.cs).
var mode = args.Length > 0 ? args[0] : "all";
switch (mode)
{
    case "generate":
        Generate(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        return 0;
    case "list":
        var w = Stopwatch.StartNew();
        var n = 0;
        await foreach (var e in new GoKart.Storage.LocalFileStore(args[1]).ListAsync(string.Empty, default))
        {
            n++;
        }

        Console.WriteLine($"listed {n} in {w.Elapsed.TotalSeconds:0.00} s");
        return 0;
    case "parts":
        var sw = Stopwatch.StartNew();
        var loc = Path.GetFullPath(args[1]);
        for (var rep = 0; rep < 4; rep++)
        {
            sw.Restart();
            var bytes = File.ReadAllBytes(RunCache.For(args[2], loc).File);
            var readTime = sw.Elapsed.TotalSeconds;
            var cached = RunCache.For(args[2], loc).Load();
            Console.WriteLine($"cache load {cached.Runs.Count} in {sw.Elapsed.TotalSeconds:0.000} s (read {readTime:0.000}) gcs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        }

        sw.Restart();
        var idx = WorkspaceIndex.Open(args[1], new WorkspaceIndexOptions { CacheDirectory = args[2] });
        var all = await idx.ScanAsync();
        Console.WriteLine($"scan {all.Runs.Count} in {sw.Elapsed.TotalSeconds:0.00} s");
        sw.Restart();
        var q = all.Query(new RunQuery { Descending = true, Limit = 20 });
        Console.WriteLine($"query in {sw.Elapsed.TotalSeconds:0.00} s");
        return 0;
    case "listparts":
        foreach (var (folder, stat) in new[] { ("bench", false), ("bench", true), ("log/task_log", false), ("log/task_log", true), ("log/task_params", false), ("log/random_seed", false) })
        {
            var lw = Stopwatch.StartNew();
            long sum = 0;
            var en = new System.IO.Enumeration.FileSystemEnumerable<long>(Path.Combine(args[1], folder), (ref System.IO.Enumeration.FileSystemEntry e) => stat ? e.Length : e.FileName.Length, new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 });
            foreach (var v in en)
            {
                sum += v;
            }

            Console.WriteLine($"{folder} stat={stat} {lw.Elapsed.TotalSeconds:0.000} ({sum})");
        }

        return 0;
    case "phases":
        var total = Stopwatch.StartNew();
        var threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : new WorkspaceIndexOptions().Parallelism;
        var phased = await RunScanner.ScanAsync(new GoKart.Storage.LocalFileStore(args[1]), RunCache.For(args[2], Path.GetFullPath(args[1])), threads, default, Console.WriteLine);
        var newest = phased.Query(new RunQuery { Descending = true, Limit = 20 });
        Console.WriteLine($"scan+query {total.Elapsed.TotalSeconds:0.000} runs {phased.Runs.Count} first {newest.Runs[0].Id} peak {PeakRss() / 1048576} MiB gcs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        return 0;
    case "scan":
        return await ScanAsync(args[1], args[2]);
    case "evict":
        return Evict.Folder(args[1]);
    case "ui":
        return await UiBench.RunAsync(args[1], args[2]);
    default:
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var root = args.Length > 2 ? args[2] : Path.Combine(Environment.GetEnvironmentVariable("GOKART_BENCH_DIR") ?? Path.GetTempPath(), "gokart-viewer-bench");
        var workspace = Path.Combine(root, "ws");
        var cache = Path.Combine(root, "cache");
        if (!Directory.Exists(workspace))
        {
            var watch = Stopwatch.StartNew();
            Generate(workspace, count);
            Console.WriteLine($"generated {count:N0} runs ({count * 6:N0} files) in {watch.Elapsed.TotalSeconds:0.0} s");
        }

        if (Directory.Exists(cache))
        {
            Directory.Delete(cache, recursive: true);
        }

        Console.WriteLine("| run | runs | problems | time (s) | peak RSS (MiB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var label in new[] { "cold (no index cache, logs evicted from the page cache)", "cold (no index cache)", "warm 1", "warm 2", "warm 3" })
        {
            if (label.Contains("evicted", StringComparison.Ordinal))
            {
                Evict.Folder(workspace);
            }

            if (label.StartsWith("cold", StringComparison.Ordinal) && Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }

            var (seconds, peak, line) = Child(workspace, cache);
            Console.WriteLine($"| {label} | {line} | {seconds:0.00} | {peak / 1048576.0:0} |");
        }

        return 0;
}

static (double Seconds, long Peak, string Line) Child(string workspace, string cache)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    if (!Environment.ProcessPath!.EndsWith("GoKart.Bench.Viewer", StringComparison.Ordinal))
    {
        start.ArgumentList.Add(typeof(TaskRun).Assembly.Location.Replace("GoKart.Viewer.dll", "GoKart.Bench.Viewer.dll", StringComparison.Ordinal));
    }

    foreach (var a in new[] { "scan", workspace, cache })
    {
        start.ArgumentList.Add(a);
    }

    var watch = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
    {
        process.Kill();
        throw new TimeoutException("scan took over 5 minutes");
    }

    var seconds = watch.Elapsed.TotalSeconds;
    var parts = output.Trim().Split(' ');
    return (seconds, long.Parse(parts[2], CultureInfo.InvariantCulture), $"{parts[0]} | {parts[1]}");
}

static async Task<int> ScanAsync(string workspace, string cache)
{
    var index = WorkspaceIndex.Open(workspace, new WorkspaceIndexOptions { CacheDirectory = cache });
    var runs = await index.ScanAsync();
    var page = runs.Query(new RunQuery { Descending = true, Limit = 20 });
    if (page.Runs.Count == 0)
    {
        return 1;
    }

    Console.WriteLine($"{runs.Runs.Count} {runs.Problems.Count} {PeakRss()}");
    return 0;
}

static long PeakRss()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    return 0;
}

static void Generate(string workspace, int count)
{
    var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    var directories = new[] { "module_versions", "processing_time", "random_seed", "task_log", "task_params" };
    foreach (var d in directories)
    {
        Directory.CreateDirectory(Path.Combine(workspace, "log", d));
    }

    Directory.CreateDirectory(Path.Combine(workspace, "bench"));
    var modules = Encoding.UTF8.GetBytes("GoKart==1.0.0\nruntime==.NET 10.0.0\nos==Linux\n");
    string? previous = null;
    for (var i = 0; i < count; i++)
    {
        var name = "Task" + (i % 100).ToString("00", CultureInfo.InvariantCulture);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))[..32];
        var file = $"{name}_{id}";
        var end = start.AddSeconds(i);
        var output = $"bench/{file}.json";
        File.WriteAllText(Path.Combine(workspace, output), i.ToString(CultureInfo.InvariantCulture));
        File.WriteAllBytes(Path.Combine(workspace, "log/module_versions", file + ".txt"), modules);
        File.WriteAllText(Path.Combine(workspace, "log/processing_time", file + ".json"),
            $"{{\n  \"processing_time\": 0.25,\n  \"start\": \"{end.AddSeconds(-0.25):o}\",\n  \"end\": \"{end:o}\"\n}}");
        File.WriteAllText(Path.Combine(workspace, "log/random_seed", file + ".json"), $"{{\n  \"random_seed\": {i}\n}}");
        var requires = previous is null ? string.Empty : $"\n    {{\n      \"task\": \"{previous.Split('_')[0]}\",\n      \"unique_id\": \"{previous.Split('_')[1]}\",\n      \"type\": \"Bench.{previous.Split('_')[0]}\"\n    }}\n  ";
        File.WriteAllText(Path.Combine(workspace, "log/task_log", file + ".json"),
            $"{{\n  \"task\": \"{name}\",\n  \"unique_id\": \"{id}\",\n  \"type\": \"Bench.{name}\",\n  \"requires\": [{requires}],\n  \"task_log\": [\n    {{\n      \"time\": \"{end:o}\",\n      \"level\": \"Information\",\n      \"message\": \"step {i}\"\n    }}\n  ],\n  \"outputs\": {{\n    \"output\": \"{workspace}/{output}\"\n  }},\n  \"output_paths\": {{\n    \"output\": \"{output}\"\n  }}\n}}");
        File.WriteAllText(Path.Combine(workspace, "log/task_params", file + ".json"),
            $"{{\n  \"lr\": \"{0.001 * (i % 7)}\",\n  \"epochs\": \"{i % 13}\",\n  \"name\": \"run-{i}\"\n}}");
        previous = i % 10 == 9 ? null : file;
    }
}
