using GoKart.Experiments;
using GoKart.Experiments.Tests;
using GoKart.Storage;

namespace GoKart.Ui.Tests;

/// <summary>The page against the real producers: a build with its journal on, and Experiment.Log's metrics.jsonl.</summary>
[Collection(UiCollection.Name)]
public sealed class ProducerBrowserTests(Browser browser) : IClassFixture<Browser>, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gokart-ui-producer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task LivePage_ReachesDone_ForARunningBuild()
    {
        var workspace = Path.Combine(_root, "ws");
        var signals = Path.Combine(_root, "signals");
        Directory.CreateDirectory(workspace);
        Directory.CreateDirectory(signals);
        var root = new GateRoot { Gate = new Gate { Signal = Path.Combine(signals, "go") }, Quick = new Quick() };
        await using var server = await UiServer.StartAsync(new UiOptions { Workspace = workspace, CacheDirectory = Path.Combine(_root, "cache") });
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var build = Kart.ExecuteAsync(root, new BuildOptions { Store = new LocalFileStore(workspace), Journal = true, Workers = 2, ReadConfigFiles = false }, stop.Token);
        try
        {
            browser.Driver.Navigate().GoToUrl(new Uri(server.Url, "/live"));
            browser.Until(d =>
            {
                if (browser.All("#builds-table a.build-link").Count == 1)
                {
                    return true;
                }

                d.Navigate().Refresh();
                return false;
            }, "the build's journal in the list");
            browser.All("#builds-table a.build-link")[0].Click();
            browser.Until(_ => browser.One("#build-status").Text == "running", "the build running");
            browser.Until(_ => browser.All("svg#graph g.node").Count == 3, "one node per task");
            browser.Until(_ => browser.All("svg#graph g.node").Any(n => n.Text == "Gate" && n.GetAttribute("data-state") == "running"), "Gate running");

            await File.WriteAllTextAsync(Path.Combine(signals, "go"), "go");
            browser.Until(_ => browser.One("#build-status").Text == "succeeded", "the build's end");
            Assert.All(browser.All("svg#graph g.node"), n => Assert.Equal("done", n.GetAttribute("data-state")));
            Assert.StartsWith("pending 0 · running 0 · done 3 · failed 0", browser.One("#build-counts").Text, StringComparison.Ordinal);
        }
        finally
        {
            // Never leave the build waiting: open the gate, then wait for it (bounded by the token).
            await File.WriteAllTextAsync(Path.Combine(signals, "go"), "go");
            Assert.Empty((await build).Failures);
        }
    }

    [Fact]
    public async Task MetricCurves_FromExperimentLog_AreDrawn()
    {
        using var repo = new TempGitRepo();
        var steps = new[] { 3, 5 };
        foreach (var count in steps)
        {
            var options = new ExperimentOptions { ProjectDirectory = repo.Path, CaptureConsole = false, CommandLine = ["train"] };
            using var experiment = new Experiment(options, new Dictionary<string, object?> { ["lr"] = 0.1 * count });
            for (var step = 0; step < count; step++)
            {
                experiment.Log(step, new Dictionary<string, double> { ["loss"] = 1.0 / (step + 1) });
            }

            experiment.Summary(new() { ["loss"] = 1.0 / count });
        }

        await using var server = await UiServer.StartAsync(new UiOptions { Workspace = repo.Path, ExperimentsDirectory = repo.ExperimentsPath, CacheDirectory = Path.Combine(_root, "cache") });
        browser.Driver.Navigate().GoToUrl(new Uri(server.Url, "/experiments"));
        browser.Until(_ => browser.All("#metric-plot circle.point").Count == steps.Sum(), "a point per logged step");
        Assert.Equal(steps.Length, browser.All("#metric-plot polyline.line").Count);
        Assert.Equal(steps.Length, browser.All("#summary-plot circle.point").Count);
    }
}
