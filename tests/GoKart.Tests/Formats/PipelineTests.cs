using GoKart.Formats;

namespace GoKart.Tests.Formats;

public sealed record Measurement(int Id, double Value, string Label);

public sealed record Summary(string Label, double Total);

public sealed class MakeMeasurements : TaskOnKart<IReadOnlyList<Measurement>>
{
    public int Count { get; init; } = 5;

    protected override Target Output() => MakeTarget("data/measurements.csv");

    protected override IReadOnlyList<Measurement> Run() =>
        [.. Enumerable.Range(0, Count).Select(i => new Measurement(i, i * 1.5, i % 2 == 0 ? "even" : "odd"))];
}

public sealed class Summarize : TaskOnKart<IReadOnlyList<Summary>>
{
    public required TaskOnKart<IReadOnlyList<Measurement>> Measurements { get; init; }

    protected override Target Output() => MakeTarget("data/summary.npz");

    protected override IReadOnlyList<Summary> Run() =>
        [.. Load(Measurements).GroupBy(m => m.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Summary(g.Key, g.Sum(m => m.Value)))];
}

[TaskOptions(FailOnEmptyDump = true)]
public sealed class EmptyTable : TaskOnKart<IReadOnlyList<Measurement>>
{
    protected override Target Output() => MakeTarget("data/empty.csv");

    protected override IReadOnlyList<Measurement> Run() => [];
}

public sealed class StringToNpy : TaskOnKart<string>
{
    public static int Runs { get; set; }

    protected override Target Output() => MakeTarget("data/text.npy");

    protected override string Run()
    {
        Runs++;
        return "not an array";
    }
}

public sealed record Exploding(int Id)
{
    public double Value
    {
        get => Id == 90_000 ? throw new InvalidOperationException("value failed at row 90000") : Id;
        init { }
    }
}

public sealed class FailingHalfway : TaskOnKart<IReadOnlyList<Exploding>>
{
    protected override Target Output() => MakeTarget("data/half.csv");

    protected override IReadOnlyList<Exploding> Run() => [.. Enumerable.Range(0, 100_000).Select(i => new Exploding(i))];
}

public sealed class PipelineTests : IDisposable
{
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "gokart-formats-e2e-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_workspace))
        {
            Directory.Delete(_workspace, recursive: true);
        }
    }

    [Fact]
    public void Build_CsvThenNpzPipeline_WritesReadableFilesAndReusesThem()
    {
        var options = new BuildOptions { Workspace = _workspace, Workers = 1 };
        var result = Kart.Build(new Summarize { Measurements = new MakeMeasurements() }, options);
        Assert.Equal([new Summary("even", 9), new Summary("odd", 6)], result);

        var csv = Directory.GetFiles(Path.Combine(_workspace, "data"), "measurements_*.csv").Single();
        Assert.StartsWith("Id,Value,Label\n0,0,even\n1,1.5,odd\n", File.ReadAllText(csv));
        Assert.Single(Directory.GetFiles(Path.Combine(_workspace, "data"), "summary_*.npz"));

        // A second build reads the npz back instead of running.
        var again = Kart.Build(new Summarize { Measurements = new MakeMeasurements() }, options);
        Assert.Equal(result, again);
    }

    [Fact]
    public void Build_EmptyTableWithFailOnEmptyDump_FailsAndWritesNothing()
    {
        var e = Assert.ThrowsAny<Exception>(() => Kart.Build(new EmptyTable(), new BuildOptions { Workspace = _workspace, Workers = 1 }));
        Assert.Contains("empty", e.ToString());
        Assert.False(Directory.Exists(Path.Combine(_workspace, "data")) && Directory.EnumerateFiles(Path.Combine(_workspace, "data")).Any());
    }

    [Fact]
    public void Build_StringToNpy_IsRejectedBeforeRunning()
    {
        StringToNpy.Runs = 0;
        var e = Assert.ThrowsAny<Exception>(() => Kart.Build(new StringToNpy(), new BuildOptions { Workspace = _workspace, Workers = 1 }));
        Assert.Contains("npy format cannot store String", e.Message);
        Assert.Equal(0, StringToNpy.Runs);
    }

    [Fact]
    public void Build_WriteFailsMidway_LeavesNoPartialFile()
    {
        var e = Assert.ThrowsAny<Exception>(() => Kart.Build(new FailingHalfway(), new BuildOptions { Workspace = _workspace, Workers = 1 }));
        Assert.Contains("value failed at row 90000", e.ToString());
        var data = Path.Combine(_workspace, "data");
        Assert.True(!Directory.Exists(data) || !Directory.EnumerateFiles(data).Any(), string.Join(", ", Directory.Exists(data) ? Directory.GetFiles(data) : []));
    }
}
