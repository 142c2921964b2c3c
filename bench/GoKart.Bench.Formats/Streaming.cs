// 10,000,000 rows streamed through a task (load stream -> dump stream) per format, each in a child process whose
// peak working set is the figure. Run: dotnet GoKart.Bench.Formats.dll stream [rows] [formats...]
using System.Diagnostics;
using GoKart;
using GoKart.Arrow;
using GoKart.Formats;
using GoKart.Parquet;

public sealed record StreamRow(long Id, double Value, string Name);

/// <summary>Writes <see cref="Count"/> generated rows as a stream.</summary>
public sealed class StreamSource : TaskOnKart<IAsyncEnumerable<StreamRow>>
{
    public string Extension { get; init; } = ".csv";

    public long Count { get; init; }

    protected override Target Output() => MakeTarget("data/source" + Extension);

    protected override Task<IAsyncEnumerable<StreamRow>> RunAsync(CancellationToken cancellationToken) => Task.FromResult(Rows());

    private async IAsyncEnumerable<StreamRow> Rows()
    {
        await Task.Yield();
        for (long i = 0; i < Count; i++)
        {
            yield return new StreamRow(i, i * 0.5, "name" + i);
        }
    }
}

/// <summary>Loads the source as a stream and dumps it again with Value doubled.</summary>
public sealed class StreamThrough : TaskOnKart<IAsyncEnumerable<StreamRow>>
{
    public StreamSource Source { get; init; } = new();

    protected override Dependencies Requires() => new TaskOnKart[] { Source };

    protected override Target Output() => MakeTarget("data/through" + Source.Extension);

    protected override Task<IAsyncEnumerable<StreamRow>> RunAsync(CancellationToken cancellationToken) =>
        Task.FromResult(LoadRowsAsync<StreamRow>(Source, cancellationToken).Select(r => r with { Value = r.Value * 2 }));
}

internal static class Streaming
{
    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 1 ? long.Parse(args[1]) : 10_000_000;
        var formats = args.Length > 2 ? args[2..] : [".csv", ".tsv", ".ndjson", ".parquet", ".feather"];
        Console.WriteLine($"GoKart.NET row streams: {rows:N0} rows (long, double, string) generated -> dumped -> loaded as a stream -> dumped; one child process per format");
        Console.WriteLine("| format | source dump + stream through s | through s | peak working set MiB | GC heap max MiB | output MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var format in formats)
        {
            var start = new ProcessStartInfo("dotnet", [typeof(Streaming).Assembly.Location, "stream-child", rows.ToString(System.Globalization.CultureInfo.InvariantCulture), format])
            {
                RedirectStandardOutput = true,
            };
            using var child = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
            var output = await child.StandardOutput.ReadToEndAsync(timeout.Token);
            await child.WaitForExitAsync(timeout.Token);
            Console.Write(output);
        }
    }

    public static async Task ChildAsync(string[] args)
    {
        var rows = long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var extension = args[2];
        var workspace = Directory.CreateTempSubdirectory("gokart-bench-stream-").FullName;
        try
        {
            var options = new BuildOptions { Workspace = workspace, Workers = 1, Formats = FormatRegistry.CreateDefault().AddParquet().AddArrow() };
            var source = new StreamSource { Extension = extension, Count = rows };
            var watch = Stopwatch.StartNew();
            await Kart.BuildAsync(source, options);
            var sourceSeconds = watch.Elapsed.TotalSeconds;
            await Kart.BuildAsync(new StreamThrough { Source = source }, options);
            var total = watch.Elapsed.TotalSeconds;
            using var self = Process.GetCurrentProcess();
            var size = Directory.GetFiles(Path.Combine(workspace, "data"), "through_*").Sum(f => new FileInfo(f).Length) / 1e6;
            Console.WriteLine($"| `{extension}` | {total:F1} | {total - sourceSeconds:F1} | {self.PeakWorkingSet64 / 1048576.0:F0} | {MaxHeap() / 1048576.0:F0} | {size:F0} |");
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    // The largest heap any recorded collection saw (the runtime keeps the last of each kind).
    private static long MaxHeap() =>
        new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background }.Max(k => GC.GetGCMemoryInfo(k).HeapSizeBytes);
}
