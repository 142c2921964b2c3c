// The peer workloads on GoKart.NET's side: the same work as gokart_side.py, mode by mode (see bench/peer/README.md).
// Usage: dotnet GoKart.Peer.dll MODE WORKSPACE. Prints one JSON line: {"inner": seconds of the measured call}.
using System.Diagnostics;
using System.Globalization;
using GoKart;
using GoKart.Peer;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: GoKart.Peer MODE WORKSPACE");
    return 2;
}

var (mode, workspace) = (args[0], args[1]);
var options = new BuildOptions { Workspace = workspace };
var watch = new Stopwatch();
switch (mode)
{
    case "hello":
        watch.Start();
        Kart.Build(new Hello(), options);
        break;
    case "chain" or "chain-rebuild":
        watch.Start();
        Check(Kart.Build(Chain.Build(1000), options) == 999, mode);
        break;
    case "fanin" or "fanin-rebuild":
        watch.Start();
        Check(Kart.Build(FanRoot.Build(2000), options) == 1999L * 2000 / 2, mode);
        break;
    case "dump-npz" or "dump-csv":
        {
            // The rows are made before the clock starts: only the build that dumps them is timed.
            var task = new WideRows { Extension = mode[5..], Rows = WideRow.Make() };
            watch.Start();
            Kart.Build(task, options);
            break;
        }

    case "dump-npzcols":
        {
            var task = new WideColumns { Columns = WideColumns.From(WideRow.Make()) };
            watch.Start();
            Kart.Build(task, options);
            break;
        }

    case "load-npz" or "load-csv":
        watch.Start();
        Check(Kart.Build(new WideRows { Extension = mode[5..] }, options).Count == WideRow.Count, mode);
        break;
    case "load-npzcols":
        watch.Start();
        Check(Kart.Build(new WideColumns(), options)["C9"].Length == WideRow.Count, mode);
        break;
    case "loadout-npz" or "loadout-csv":
        // The like-for-like row: gokart's side times target.load(); this is Kart.LoadOutput (no build, no completion check).
        watch.Start();
        Check(Kart.LoadOutput(new WideRows { Extension = mode[8..] }, options).Count == WideRow.Count, mode);
        break;
    case "loadout-npzcols":
        watch.Start();
        Check(Kart.LoadOutput(new WideColumns(), options)["C9"].Length == WideRow.Count, mode);
        break;
    case "probe-npz" or "probe-csv" or "probe-npzcols":
        // A breakdown of the first load (not a harness row): a first build of a trivial task pays the engine's
        // start-up; the load after it pays only its own path; the third call is warm.
        Probe(mode[6..], workspace, options);
        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{mode}'");
        return 2;
}

// Read the clock before formatting: the first culture-aware format in a process loads ICU (~10 ms here), which is
// not part of the measured call (gokart's side also reads its clock before json.dumps).
var inner = watch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"inner\": {inner}}}"));
return 0;

static void Probe(string kind, string workspace, BuildOptions options)
{
    var step = Stopwatch.StartNew();
    var jit = System.Runtime.JitInfo.GetCompiledMethodCount();
    var jitTime = System.Runtime.JitInfo.GetCompilationTime();
    void Report(string what)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-28} {step.Elapsed.TotalSeconds:F3} s  jit {System.Runtime.JitInfo.GetCompiledMethodCount() - jit} methods {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalSeconds:F3} s  gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        Console.WriteLine(string.Join(" ", File.ReadAllLines("/proc/self/smaps_rollup").Where(l => l.StartsWith("AnonHuge", StringComparison.Ordinal) || l.StartsWith("Rss", StringComparison.Ordinal))));
        jit = System.Runtime.JitInfo.GetCompiledMethodCount();
        jitTime = System.Runtime.JitInfo.GetCompilationTime();
        step.Restart();
    }

    Kart.Build(new Hello(), options);
    Report("hello (engine start-up)");
    for (var i = 0; i < 2; i++)
    {
        var count = kind == "npzcols" ? Kart.Build(new WideColumns(), options)["C9"].Length : Kart.Build(new WideRows { Extension = kind }, options).Count;
        Check(count == WideRow.Count, kind);
        Report(i == 0 ? $"first load {kind}" : $"second load {kind}");
    }
}

static void Check(bool ok, string mode)
{
    if (!ok)
    {
        throw new InvalidOperationException($"{mode}: wrong result");
    }
}
