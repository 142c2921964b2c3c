using System.Globalization;
using System.Text.Json;

namespace GoKart.Experiments.Tests;

public sealed class MetricsTests : IDisposable
{
    private static readonly Dictionary<string, object?> Args = new() { ["lr"] = 0.1 };
    private readonly TempGitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Log_AppendsOneJsonLinePerStepWithTimeAndValues()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus9", TimeSpan.FromHours(9), "plus9", "plus9");
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 5, 1, 1, 0, 0, TimeSpan.Zero), zone);
        using (var experiment = new Experiment(new ExperimentOptions { ProjectDirectory = _repo.Path, TimeProvider = clock }, Args))
        {
            experiment.Log(0, new Dictionary<string, double> { ["loss"] = 0.5, ["acc"] = 0.25 });
            clock.Now = clock.Now.AddSeconds(30);
            experiment.Log(12, "loss", 0.1 + 0.2);
        }

        var lines = _repo.Read("1", "metrics.jsonl").Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(0, first.RootElement.GetProperty("step").GetInt64());
        Assert.Equal("2024-05-01T10:00:00.0000000+09:00", first.RootElement.GetProperty("time").GetString());
        Assert.Equal(0.5, first.RootElement.GetProperty("values").GetProperty("loss").GetDouble());
        Assert.Equal(0.25, first.RootElement.GetProperty("values").GetProperty("acc").GetDouble());
        Assert.Equal(12, second.RootElement.GetProperty("step").GetInt64());
        Assert.Equal("2024-05-01T10:00:30.0000000+09:00", second.RootElement.GetProperty("time").GetString());

        // The double round-trips exactly (0.1 + 0.2 is not 0.3).
        Assert.Equal(0.1 + 0.2, second.RootElement.GetProperty("values").GetProperty("loss").GetDouble());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Log_NotFinite_IsArgumentExceptionNamingTheMetricAndWritesNothing(double bad)
    {
        using var experiment = new Experiment(_repo.Options(), Args);

        var e = Assert.Throws<ArgumentException>(() => experiment.Log(3, new Dictionary<string, double> { ["fine"] = 1, ["val_loss"] = bad }));

        Assert.Contains("'val_loss'", e.Message);
        Assert.Contains("step 3", e.Message);
        Assert.False(File.Exists(_repo.Experiment("1", "metrics.jsonl")));
    }

    [Fact]
    public void Log_FromManyThreads_EveryLineWholeAndEveryStepOnce()
    {
        using (var experiment = new Experiment(_repo.Options(), Args))
        {
            Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
                experiment.Log(i, new Dictionary<string, double> { ["square"] = (double)i * i, ["half"] = i / 2.0 }));
        }

        var points = ExperimentMetrics.Read(_repo.Experiment("1", ""));
        Assert.Equal(Enumerable.Range(0, 400).Select(i => (long)i), points.Select(p => p.Step).Order());
        Assert.All(points, p => Assert.Equal((double)p.Step * p.Step, p.Values["square"]));
        Assert.All(points, p => Assert.Equal(p.Step / 2.0, p.Values["half"]));
    }

    [Fact]
    public void Log_NoRecord_WritesNothingButStillChecksValues()
    {
        using var experiment = new Experiment(new ExperimentOptions { ProjectDirectory = _repo.Path, NoRecord = true }, Args);

        experiment.Log(1, "loss", 0.5);

        Assert.Throws<ArgumentException>(() => experiment.Log(2, "loss", double.NaN));
        Assert.False(File.Exists(Path.Combine(experiment.Directory, "metrics.jsonl")));
        Assert.False(Directory.Exists(_repo.ExperimentsPath) && Directory.EnumerateFileSystemEntries(_repo.ExperimentsPath).Any());
    }

    [Fact]
    public void ReadMetrics_RecordFromTheCatalog_ReadsTheLoggedSeries()
    {
        using (var experiment = new Experiment(_repo.Options(), Args))
        {
            for (var step = 0; step < 5; step++)
            {
                experiment.Log(step, "loss", 1.0 / (step + 1));
            }
        }

        var record = Assert.Single(ExperimentCatalog.Load(_repo.ExperimentsPath).Experiments);
        var points = record.ReadMetrics();

        Assert.Equal([0L, 1, 2, 3, 4], points.Select(p => p.Step));
        Assert.Equal([1.0, 0.5, 1.0 / 3, 0.25, 0.2], points.Select(p => p.Values["loss"]));
        Assert.All(points, p => Assert.NotNull(p.Time));
    }

    [Fact]
    public void Read_TruncatedLastLine_IsLeftOut()
    {
        var folder = Path.Combine(_repo.Path, "run");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "metrics.jsonl"),
            "{\"step\":1,\"time\":\"2024-05-01T10:00:00.0000000+09:00\",\"values\":{\"loss\":0.5}}\n"
            + "{\"step\":2,\"values\":{\"loss\":0.25}}\n"
            + "{\"step\":3,\"time\":\"2024-05-01T10:0");

        var points = ExperimentMetrics.Read(folder);

        Assert.Equal([1L, 2], points.Select(p => p.Step));
        Assert.Equal(DateTimeOffset.Parse("2024-05-01T10:00:00+09:00", CultureInfo.InvariantCulture), points[0].Time);
        Assert.Null(points[1].Time);
    }

    [Fact]
    public void Read_BadLineInTheMiddle_NamesFileAndLine()
    {
        var folder = Path.Combine(_repo.Path, "run");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "metrics.jsonl"), "{\"step\":1,\"values\":{\"loss\":0.5}}\nnot json\n{\"step\":3,\"values\":{}}\n");

        var e = Assert.Throws<InvalidDataException>(() => ExperimentMetrics.Read(folder));

        Assert.Contains("metrics.jsonl, line 2", e.Message);
    }

    [Fact]
    public void Read_NoMetricsFile_IsEmpty()
    {
        Assert.Empty(ExperimentMetrics.Read(_repo.Path));
    }
}
