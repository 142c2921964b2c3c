using GoKart.Ui.Live;

namespace GoKart.Ui.Tests;

/// <summary>The metric-curve reader against hand-written metrics.jsonl text.</summary>
public sealed class MetricSeriesTests
{
    [Fact]
    public void Parse_GivesOneCurvePerMetric_InFileOrder()
    {
        var series = MetricSeries.Parse(
            "{\"step\":1,\"time\":\"2026-12-02T10:00:00+00:00\",\"values\":{\"loss\":0.9,\"acc\":0.1}}\n" +
            "{\"step\":2,\"time\":\"2026-12-02T10:00:01+00:00\",\"values\":{\"loss\":0.5}}\n" +
            "{\"step\":3,\"time\":\"2026-12-02T10:00:02+00:00\",\"values\":{\"loss\":0.31,\"acc\":0.9,\"name\":\"x\",\"nan\":\"NaN\"}}\n");
        Assert.Equal(["acc", "loss"], series.Keys);
        Assert.Equal([(1.0, 0.9), (2.0, 0.5), (3.0, 0.31)], series["loss"]);
        Assert.Equal([(1.0, 0.1), (3.0, 0.9)], series["acc"]);
    }

    [Fact]
    public void Parse_SkipsDamagedLines_AndTheLineBeingWritten()
    {
        var series = MetricSeries.Parse("{\"step\":1,\"values\":{\"loss\":1}}\nnot json\n{\"values\":{\"loss\":7}}\n{\"step\":2,\"values\":{\"loss\":0.5}}\n{\"step\":3,\"val");
        Assert.Equal([(1.0, 1.0), (2.0, 0.5)], series["loss"]);
    }

    [Fact]
    public async Task Read_AFolderWithoutTheFile_IsEmpty()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gokart-ui-metrics-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            Assert.Empty(await MetricSeries.ReadAsync(folder, default));
            await File.WriteAllTextAsync(Path.Combine(folder, MetricSeries.FileName), "{\"step\":5,\"values\":{\"loss\":2.5}}\n");
            Assert.Equal([(5.0, 2.5)], (await MetricSeries.ReadAsync(folder, default))["loss"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
