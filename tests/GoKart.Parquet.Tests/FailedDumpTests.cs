namespace GoKart.Parquet.Tests;

public sealed class OutOfRangeDates : TaskOnKart<IReadOnlyList<Stamp>>
{
    protected override Target Output() => MakeTarget("data/stamps.parquet") with { FormatOptions = new ParquetFormatOptions { RowGroupSize = 10 } };

    protected override IReadOnlyList<Stamp> Run() =>
        [.. Enumerable.Range(0, 100).Select(i => new Stamp(i == 55 ? new DateTime(1600, 1, 1) : new DateTime(2000, 1, 1).AddDays(i)))];
}

public sealed class StampsToParquet : TaskOnKart<IReadOnlyList<Stamp>>
{
    protected override Target Output() => MakeTarget("data/ok.parquet");

    protected override IReadOnlyList<Stamp> Run() => [new(new DateTime(2000, 1, 1)), new(new DateTime(2001, 2, 3, 4, 5, 6))];
}

public sealed class FailedDumpTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("gokart-parquet-build-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public void Build_ValueTheColumnCannotHold_FailsNamingRowAndColumnAndLeavesNoFile()
    {
        var e = Assert.ThrowsAny<Exception>(() => Kart.Build(new OutOfRangeDates(), new BuildOptions { Workspace = _workspace, Workers = 1, Formats = Rows.Registry }));

        Assert.Contains("row 56, column 'When'", e.ToString());
        var data = Path.Combine(_workspace, "data");
        Assert.True(!Directory.Exists(data) || !Directory.EnumerateFiles(data).Any(), string.Join(", ", Directory.Exists(data) ? Directory.GetFiles(data) : []));
    }

    [Fact]
    public void Build_WritesAParquetOutputAndLoadsItBack()
    {
        var options = new BuildOptions { Workspace = _workspace, Workers = 1, Formats = Rows.Registry };
        var first = Kart.Build(new StampsToParquet(), options);
        Assert.Single(Directory.GetFiles(Path.Combine(_workspace, "data"), "ok_*.parquet"));
        Assert.Equal(first, Kart.Build(new StampsToParquet(), options));
    }
}
