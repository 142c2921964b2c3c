using System.Globalization;
using GoKart.Storage;
using Microsoft.Extensions.Logging;

namespace GoKart.Ui.Tests;

/// <summary>
/// A real workspace built by <see cref="Kart"/> (Numbers → two Fits → Compare, one Fit with an HTML note), a
/// hand-written experiments folder with metric curves, a hand-written build journal, and a server over them.
/// Shared by the HTTP and browser tests; deleted at the end.
/// </summary>
public sealed class UiWorkspace : IAsyncLifetime
{
    public const string Script = "<script>alert(1)</script>";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "gokart-ui-" + Guid.NewGuid().ToString("N"));

    public string Workspace => Path.Combine(Root, "ws");

    public string Experiments => Path.Combine(Root, "experiments");

    public string Outside => Path.Combine(Root, "outside");

    public Numbers Numbers { get; } = new() { Rows = 150 };

    public Fit Plain { get; private set; } = null!;

    public Fit Html { get; private set; } = null!;

    public Compare Compare { get; private set; } = null!;

    public UiServer Server { get; private set; } = null!;

    /// <summary>Experiment id → (lr argument, loss summary, metric lines written).</summary>
    public IReadOnlyDictionary<string, (double Lr, double Loss, int Steps)> ExperimentValues { get; } = new Dictionary<string, (double, double, int)>
    {
        ["1"] = (0.1, 0.5, 3),
        ["2"] = (0.2, 0.4, 4),
        ["3"] = (0.3, 0.45, 0),
    };

    public async Task InitializeAsync()
    {
        Plain = new Fit { Data = Numbers, Lr = 0.1, Epochs = 5 };
        Html = new Fit { Data = Numbers, Lr = 0.2, Epochs = 10, Note = Script };
        Compare = new Compare { First = Plain, Second = Html };
        var report = await Kart.ExecuteAsync(Compare, new BuildOptions { Store = new LocalFileStore(Workspace), Workers = 1, LogLevel = LogLevel.Information, ReadConfigFiles = false });
        Assert.Empty(report.Failures);

        Directory.CreateDirectory(Outside);
        await File.WriteAllTextAsync(Path.Combine(Outside, "secret.txt"), "secret outside the workspace");
        File.CreateSymbolicLink(Path.Combine(Workspace, "link-out.txt"), Path.Combine(Outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(Workspace, "dir-out"), Outside);
        await File.WriteAllBytesAsync(Path.Combine(Workspace, "ui", "plot.png"), Png);
        await File.WriteAllTextAsync(Path.Combine(Workspace, "ui", "plot.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><script>alert(3)</script></svg>");

        foreach (var (id, (lr, loss, steps)) in ExperimentValues)
        {
            WriteExperiment(id, lr, loss, steps);
        }

        File.CreateSymbolicLink(Path.Combine(Experiments, "1", "leak.txt"), Path.Combine(Outside, "secret.txt"));
        await WriteJournalAsync();

        Server = await UiServer.StartAsync(new UiOptions { Workspace = Workspace, ExperimentsDirectory = Experiments, CacheDirectory = Path.Combine(Root, "cache"), RefreshInterval = TimeSpan.Zero });
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public const string FinishedBuild = "20261202T160000000Z-1-aaaa";
    public const string RunningBuild = "20261202T163000123Z-4242-a1b2";

    private void WriteExperiment(string id, double lr, double loss, int steps)
    {
        var folder = Path.Combine(Experiments, id);
        Directory.CreateDirectory(folder);
        string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(folder, "STATUS"), "SUCCESS\n");
        File.WriteAllText(Path.Combine(folder, "metadata.json"), $"{{\"start-time\":\"2026-12-02T10:0{id}:00+00:00\",\"end-time\":\"2026-12-02T11:00:00+00:00\",\"description\":\"run {id} {Script}\"}}");
        File.WriteAllText(Path.Combine(folder, "args.json"), $"{{\"lr\":{N(lr)},\"epochs\":5}}");
        File.WriteAllText(Path.Combine(folder, "default_args.json"), "{\"lr\":0.1,\"epochs\":5}");
        File.WriteAllText(Path.Combine(folder, "summary.json"), $"{{\"loss\":{N(loss)}}}");
        if (steps > 0)
        {
            File.WriteAllLines(Path.Combine(folder, "metrics.jsonl"), Enumerable.Range(1, steps).Select(s =>
                $"{{\"step\":{s},\"time\":\"2026-12-02T10:00:0{s}+00:00\",\"values\":{{\"loss\":{N(1.0 / s)},\"acc\":{N(s / 10.0)}}}}}"));
        }
    }

    private async Task WriteJournalAsync()
    {
        var folder = Path.Combine(Workspace, ".gokart", "builds");
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, FinishedBuild + ".jsonl"),
        [
            "{\"event\":\"plan\",\"build\":\"" + FinishedBuild + "\",\"time\":\"2026-12-02T16:00:00+00:00\",\"host\":\"h\",\"pid\":1,\"workers\":1,\"root\":1,\"tasks\":[{\"task\":\"A\",\"type\":\"N.A\",\"id\":\"" + new string('a', 32) + "\",\"requires\":[],\"state\":\"complete\"},{\"task\":\"B\",\"type\":\"N.B\",\"id\":\"" + new string('b', 32) + "\",\"requires\":[0],\"state\":\"pending\"}]}",
            "{\"event\":\"start\",\"time\":\"2026-12-02T16:00:01+00:00\",\"n\":1}",
            "{\"event\":\"failed\",\"time\":\"2026-12-02T16:00:02+00:00\",\"n\":1,\"error\":\"boom <i>html</i>\"}",
            "{\"event\":\"end\",\"time\":\"2026-12-02T16:00:03+00:00\",\"status\":\"failed\"}",
        ]);
        await File.WriteAllTextAsync(Path.Combine(folder, RunningBuild + ".jsonl"), JournalLines.RunningPlan + "\n" + JournalLines.Start(0) + "\n");
    }
}
