// Dump/load timings of GoKart.NET's formats: 1,000,000 rows x 10 double columns (and a 10-million-element array).
// Run: dotnet run -c Release --project bench/GoKart.Bench.Formats [-- rows] ; results go in bench/formats.md.
// Row streams (peak memory): ... -- stream [rows] [extensions...] (Streaming.cs).
using System.Diagnostics;
using GoKart;
using GoKart.Arrow;
using GoKart.Formats;
using GoKart.Parquet;

if (args is ["stream", ..])
{
    await Streaming.RunAsync(args);
    return;
}

if (args is ["stream-child", ..])
{
    await Streaming.ChildAsync(args);
    return;
}

var rowCount = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var repeats = args.Length > 1 ? int.Parse(args[1]) : 3;
var only = args.Length > 2 ? args[2] : null;
var random = new Random(42);
var rows = new WideRow[rowCount];
for (var i = 0; i < rows.Length; i++)
{
    rows[i] = new WideRow(random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(),
        random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble());
}

var columns = new Dictionary<string, double[]>();
foreach (var (name, pick) in WideRow.Columns)
{
    columns[name] = [.. rows.Select(pick)];
}

var vector = new double[10 * rowCount];
for (var i = 0; i < vector.Length; i++)
{
    vector[i] = rows[i / 10].C0 + i;
}

var dir = Path.Combine(Path.GetTempPath(), "gokart-bench-formats-" + Environment.ProcessId);
Directory.CreateDirectory(dir);
var registry = FormatRegistry.CreateDefault().AddParquet().AddArrow();
Console.WriteLine($"GoKart.NET formats: {rowCount:N0} rows x 10 double columns, best of {repeats}; .NET {Environment.Version}, {Environment.ProcessorCount} cores");
// CPU seconds beside wall seconds: on a shared machine wall time mostly measures the other jobs (the GC is
// workstation and non-concurrent, so its work is on this thread and counted too).
Console.WriteLine("| target | value | dump s | load s | dump cpu s | load cpu s | size MB | dump alloc MB | load alloc MB |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
try
{
    await Run<IReadOnlyList<WideRow>>("table.npz", rows, "records");
    await Run<IReadOnlyList<WideRow>>("table.npz", rows, "records, compressed", new TableFormatOptions { Compressed = true });
    await Run<IReadOnlyList<WideRow>>("table.csv", rows, "records");
    await Run<IReadOnlyList<WideRow>>("table.tsv", rows, "records");
    await Run<IReadOnlyList<WideRow>>("table.ndjson", rows, "records");
    await Run<IReadOnlyList<WideRow>>("table.json", rows, "records");
    await Run<IReadOnlyList<WideRow>>("table.csv.gz", rows, "records");
    await Run<IReadOnlyList<WideRow>>("table.parquet", rows, "records, snappy");
    await Run<IReadOnlyList<WideRow>>("table.parquet", rows, "records, zstd", new ParquetFormatOptions { Compression = ParquetCompression.Zstd });
    await Run<IReadOnlyList<WideRow>>("table.feather", rows, "records");
    await Run<IReadOnlyList<WideRow>>("table.feather", rows, "records, lz4", new ArrowFormatOptions { Compression = ArrowCompression.Lz4 });
    await Run<IReadOnlyDictionary<string, double[]>>("columns.npz", columns, "10 x double[]");
    await Run<IReadOnlyDictionary<string, double[]>>("columns.pkl", columns, "dict of 10 float lists");
    await Run("vector.npy", vector, $"double[{vector.Length:N0}]");
}
finally
{
    Directory.Delete(dir, recursive: true);
}

async Task Run<T>(string name, T value, string what, object? options = null)
{
    if (only is not null && !name.Contains(only, StringComparison.Ordinal))
    {
        return;
    }

    var path = Path.Combine(dir, name);
    var target = new Target(name) { FormatOptions = options };
    var format = target.ResolveFormat(registry);
    var context = new FormatContext(path, target, registry);
    double bestDump = double.MaxValue, bestLoad = double.MaxValue, bestDumpCpu = double.MaxValue, bestLoadCpu = double.MaxValue;
    using var process = Process.GetCurrentProcess();
    double Cpu()
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalSeconds;
    }

    long dumpAlloc = 0, loadAlloc = 0;
    for (var r = 0; r < repeats; r++)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Cpu();
        var watch = Stopwatch.StartNew();
        await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 65536))
        {
            await format.WriteAsync(stream, value, typeof(T), context, CancellationToken.None);
        }

        bestDump = Math.Min(bestDump, watch.Elapsed.TotalSeconds);
        bestDumpCpu = Math.Min(bestDumpCpu, Cpu() - cpu);
        dumpAlloc = GC.GetTotalAllocatedBytes(precise: true) - before;
        GC.Collect();
        before = GC.GetTotalAllocatedBytes(precise: true);
        cpu = Cpu();
        watch.Restart();
        object? loaded;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536))
        {
            loaded = await format.ReadAsync(stream, typeof(T), context, CancellationToken.None);
        }

        bestLoad = Math.Min(bestLoad, watch.Elapsed.TotalSeconds);
        bestLoadCpu = Math.Min(bestLoadCpu, Cpu() - cpu);
        loadAlloc = GC.GetTotalAllocatedBytes(precise: true) - before;
        GC.KeepAlive(loaded);
    }

    var size = new FileInfo(path).Length / 1e6;
    Console.WriteLine($"| `{name}` | {what} | {bestDump:F3} | {bestLoad:F3} | {bestDumpCpu:F3} | {bestLoadCpu:F3} | {size:F1} | {dumpAlloc / 1e6:F0} | {loadAlloc / 1e6:F0} |");
}

public sealed record WideRow(double C0, double C1, double C2, double C3, double C4, double C5, double C6, double C7, double C8, double C9)
{
    public static readonly (string, Func<WideRow, double>)[] Columns =
    [
        ("C0", r => r.C0), ("C1", r => r.C1), ("C2", r => r.C2), ("C3", r => r.C3), ("C4", r => r.C4),
        ("C5", r => r.C5), ("C6", r => r.C6), ("C7", r => r.C7), ("C8", r => r.C8), ("C9", r => r.C9),
    ];
}
