namespace GoKart.Cli.Tests.Tasks;

/// <summary>The exact table, CSV and Markdown of a workspace built with a fixed clock (ids are gokart's hashes).</summary>
public sealed class TasksTableGoldenTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gokart-tasks-golden-" + Guid.NewGuid().ToString("N"));

    public TasksTableGoldenTests()
    {
        var time = new SteppingTime(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        foreach (var lr in new[] { 0.5, 0.25 })
        {
            time.Advance(TimeSpan.FromMinutes(5));
            Kart.Build(new Fit { Source = new Load(), Lr = lr }, new BuildOptions { Workspace = Workspace, TimeProvider = time, Workers = 1 });
        }
    }

    private string Workspace => Path.Combine(_root, "ws");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Environment.SetEnvironmentVariable("GOKART_CACHE_DIR", Path.Combine(_root, "cache"));
        var code = GokartCommand.Run(args, output, error);
        return (code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }

    private static string Id(TaskOnKart task) => task.UniqueId[..8];

    /// <summary>gokart's seed: <c>int(unique_id, 16) % (2**32 - 1)</c>.</summary>
    private static string Seed(string id) =>
        (System.Numerics.BigInteger.Parse("0" + id, System.Globalization.NumberStyles.HexNumber) % uint.MaxValue).ToString();

    [Fact]
    public void Table_Default_IsGolden()
    {
        var load = new Load();
        var first = new Fit { Source = load, Lr = 0.5 };
        var second = new Fit { Source = load, Lr = 0.25 };

        var (code, output, error) = Run("tasks", Workspace);

        Assert.True(code == 0, error);
        Assert.Equal(
            "id        task  parameters                end                  duration  size\n"
            + $"{Id(first)}  Fit   source={Id(load)}, lr=0.5   2024-05-01 10:05:00  0.250s    1 B\n"
            + $"{Id(load)}  Load                            2024-05-01 10:05:00  0.250s    7 B\n"
            + $"{Id(second)}  Fit   source={Id(load)}, lr=0.25  2024-05-01 10:10:00  0.250s    3 B\n",
            output);
        Assert.Equal("3 of 3 runs\n", error.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_CsvAndMarkdownWithColumns_AreGolden()
    {
        var load = new Load();
        var second = new Fit { Source = load, Lr = 0.25 };

        var (_, csv, _) = Run("tasks", Workspace, "--format", "csv", "--columns", "task", "seed", "requires", "--sort", "end", "--desc", "--limit", "2");
        var (_, md, _) = Run("tasks", Workspace, "--format", "md", "--columns", "id", "outputs", "--filter", "Load");

        Assert.Equal($"task,seed,requires\nFit,{Seed(second.UniqueId)},Load[{Id(load)}]\nFit,{Seed(new Fit { Source = load, Lr = 0.5 }.UniqueId)},Load[{Id(load)}]\n", csv);
        Assert.Equal($"| id | outputs |\n|---|---|\n| {Id(load)} | output |\n", md);
    }
}

public sealed class Load : TaskOnKart<int[]>
{
    protected override int[] Run() => [1, 2, 3];
}

public sealed class Fit : TaskOnKart<double>
{
    public required TaskOnKart<int[]> Source { get; init; }

    public double Lr { get; init; }

    protected override double Run() => Load(Source).Sum() * Lr;
}

/// <summary>A clock that moves when told; each timestamp reading advances 250 ms, so every run takes 0.25 s.</summary>
public sealed class SteppingTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private long _ticks;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerMillisecond * 250);

    public void Advance(TimeSpan by) => _now += by;
}
