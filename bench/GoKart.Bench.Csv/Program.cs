// GoKart.NET's CSV reader/writer against Sep and Sylvan.Data.Csv (issue 12), interleaved in one process.
// Run: dotnet run -c Release --project bench/GoKart.Bench.Csv [-- rows repeats]; figures in bench/README.md.
using System.Diagnostics;
using System.Globalization;
using GoKart.Bench.Csv;

var rowCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var dir = Path.Combine(Path.GetTempPath(), "gokart-bench-csv-" + Environment.ProcessId);
Directory.CreateDirectory(dir);
try
{
    var wide = Data.Wide(rowCount);
    var texts = Data.Texts(rowCount / 5);
    var widePath = Path.Combine(dir, "wide.csv");
    var textPath = Path.Combine(dir, "texts.csv");
    await Readers.OursWriteAsync(widePath, wide);
    await Readers.OursWriteAsync(textPath, texts);
    Console.WriteLine($"CSV readers and writers: {rowCount:N0} x 10 doubles ({new FileInfo(widePath).Length / 1e6:F1} MB), {texts.Length:N0} quoted-text rows ({new FileInfo(textPath).Length / 1e6:F1} MB); " +
        $"median of {repeats}, interleaved; .NET {Environment.Version}, {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg")[..14]}");

    // Every reader must give the same values before anything is timed.
    Check(wide, await Readers.OursWideAsync(widePath), Readers.SepWide(widePath), Readers.SylvanWide(widePath));
    Check(texts, await Readers.OursTextsAsync(textPath), Readers.SepTexts(textPath), Readers.SylvanTexts(textPath));

    var cases = new (string Row, string Library, Func<Task> Run)[]
    {
        ("read 1M x 10 doubles", "GoKart.NET", async () => await Readers.OursWideAsync(widePath)),
        ("read 1M x 10 doubles", "Sep 0.17.1", () => { Readers.SepWide(widePath); return Task.CompletedTask; }),
        ("read 1M x 10 doubles", "Sylvan 1.4.4", () => { Readers.SylvanWide(widePath); return Task.CompletedTask; }),
        ("read quoted text", "GoKart.NET", async () => await Readers.OursTextsAsync(textPath)),
        ("read quoted text", "Sep 0.17.1", () => { Readers.SepTexts(textPath); return Task.CompletedTask; }),
        ("read quoted text", "Sylvan 1.4.4", () => { Readers.SylvanTexts(textPath); return Task.CompletedTask; }),
        ("write 1M x 10 doubles", "GoKart.NET", () => Readers.OursWriteAsync(Path.Combine(dir, "o.csv"), wide)),
        ("write 1M x 10 doubles", "Sep 0.17.1", () => { Readers.SepWriteWide(Path.Combine(dir, "s.csv"), wide); return Task.CompletedTask; }),
    };
    var times = cases.Select(_ => new List<double>()).ToArray();
    var allocs = new long[cases.Length];
    for (var r = 0; r < repeats; r++)
    {
        for (var c = 0; c < cases.Length; c++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            await cases[c].Run();
            times[c].Add(watch.Elapsed.TotalSeconds);
            allocs[c] = GC.GetTotalAllocatedBytes(precise: true) - before;
        }
    }

    Console.WriteLine("| workload | library | median s | min s | allocated MB | vs GoKart.NET |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|");
    for (var c = 0; c < cases.Length; c++)
    {
        var ours = Array.FindIndex(cases, x => x.Row == cases[c].Row);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {cases[c].Row} | {cases[c].Library} | {Median(times[c]):F3} | {times[c].Min():F3} | {allocs[c] / 1e6:F0} | {Median(times[c]) / Median(times[ours]):F2} |"));
    }

    Console.WriteLine();
    Console.WriteLine("What each reports for a bad number (row 3 of the quoted-text file, after a quoted newline in row 2):");
    foreach (var (library, message) in await Readers.BadValueMessagesAsync(dir))
    {
        Console.WriteLine($"- {library}: {message}");
    }

    Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg")[..14]}");
}
finally
{
    Directory.Delete(dir, recursive: true);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static void Check<T>(IReadOnlyList<T> expected, params IReadOnlyList<T>[] actual)
{
    foreach (var got in actual)
    {
        if (!expected.SequenceEqual(got))
        {
            throw new InvalidOperationException($"a reader gave different {typeof(T).Name} values");
        }
    }
}
