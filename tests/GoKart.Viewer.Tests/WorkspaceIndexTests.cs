using GoKart.Storage;

namespace GoKart.Viewer.Tests;

public sealed class WorkspaceIndexTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "gokart-viewer-cache-" + Guid.NewGuid().ToString("N"));
    private readonly InMemoryStore _store = new();
    private readonly ManualTime _time = new(T0);

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private WorkspaceIndex Index() => new(_store, new WorkspaceIndexOptions { CacheDirectory = _cache });

    private void Build(TaskOnKart task, TimeSpan after)
    {
        _time.Advance(after);
        var report = Kart.ExecuteAsync(task, new BuildOptions { Store = _store, TimeProvider = _time, Workers = 1 }).GetAwaiter().GetResult();
        Assert.Empty(report.Failures);
    }

    private static Report Pipeline(double lr, int epochs) => new() { Model = new Train { Data = new Data(), Lr = lr, Epochs = epochs } };

    [Fact]
    public async Task Scan_ListsEveryRunWithParametersTimesSeedOutputsAndRequirements()
    {
        var report = Pipeline(0.1, 5);
        Build(report, TimeSpan.FromMinutes(1));

        var runs = await Index().ScanAsync();

        Assert.Equal(["Data", "Report", "Train"], runs.Runs.Select(r => r.TaskName).Order());
        var train = runs.Runs.Single(r => r.TaskName == "Train");
        var data = new Data();
        Assert.Equal(((Report)report).Model.UniqueId, train.Id);
        Assert.Equal([new("data", data.UniqueId), new("lr", "0.1"), new("epochs", "5")], train.Parameters);
        Assert.Equal("GoKart.Viewer.Tests.Train", train.TypeName);
        Assert.Equal("GoKart.Viewer.Tests", train.Namespace);
        Assert.Equal(T0.AddMinutes(1), train.End);
        Assert.Equal(TimeSpan.FromMilliseconds(250), train.ProcessingTime);
        // gokart's seed, computed here independently: int(unique_id, 16) % (2**32 - 1).
        Assert.Equal((long)(System.Numerics.BigInteger.Parse("0" + train.Id, System.Globalization.NumberStyles.HexNumber) % uint.MaxValue), train.RandomSeed);
        Assert.Equal([new RunRequirement("Data", data.UniqueId, "Data", "GoKart.Viewer.Tests.Data")], train.Requires);
        var reportRun = runs[report.UniqueId]!;
        Assert.Equal(["model", "data"], reportRun.Requires!.Select(q => q.Name));
        Assert.Equal(["output", "table"], reportRun.Outputs.Select(o => o.Name));
        Assert.True(reportRun.OutputsPresent);
        var table = reportRun.Outputs[1];
        await using var stored = await _store.OpenReadAsync(table.Path!, default);
        Assert.Equal(new StreamReader(stored).ReadToEnd().Length, table.Size);
        Assert.Empty(runs.Problems);
    }

    [Fact]
    public async Task Query_FiltersByNameGlobParametersTimeAndOutputs_AndPages()
    {
        Build(Pipeline(0.1, 5), TimeSpan.FromMinutes(1));
        Build(Pipeline(0.01, 10), TimeSpan.FromMinutes(1));
        Build(Pipeline(0.5, 2), TimeSpan.FromMinutes(1));
        var runs = await Index().ScanAsync();

        static string[] Lrs(RunPage page) => [.. page.Runs.Select(r => r.Parameter("lr")!)];
        Assert.Equal(["0.1", "0.01", "0.5"], Lrs(runs.Query(new RunQuery { Name = "rain" })));
        Assert.Equal(["0.1", "0.01", "0.5"], Lrs(runs.Query(new RunQuery { Name = "T*n" })));
        Assert.Empty(runs.Query(new RunQuery { Name = "T*x" }).Runs);
        Assert.Equal(["0.01"], Lrs(runs.Query(new RunQuery { Parameters = [ParameterCondition.Parse("epochs>5")] })));
        Assert.Equal(["0.1"], Lrs(runs.Query(new RunQuery { Parameters = [ParameterCondition.Parse("lr=0.10")] })));
        Assert.Equal(["0.01", "0.5"], Lrs(runs.Query(new RunQuery { Name = "Train", Since = T0.AddMinutes(2) })));
        Assert.Equal(["0.1"], Lrs(runs.Query(new RunQuery { Name = "Train", Until = T0.AddMinutes(1) })));
        var page = runs.Query(new RunQuery { Name = "Train", Sort = RunSort.End, Descending = true, Offset = 1, Limit = 1 });
        Assert.Equal(3, page.Total);
        Assert.Equal(["0.01"], Lrs(page));

        var gone = runs.Query(new RunQuery { Parameters = [ParameterCondition.Parse("lr=0.5")] }).Runs[0];
        await _store.DeleteAsync(gone.Outputs[0].Path!, default);
        var after = await Index().ScanAsync();
        Assert.Equal(["0.5"], Lrs(after.Query(new RunQuery { Outputs = OutputState.Missing })));
        Assert.Equal(2, after.Query(new RunQuery { Name = "Train", Outputs = OutputState.Present }).Total);
    }

    [Fact]
    public async Task Resolve_ByIdPrefixOrName_AndClearErrorsWithCandidates()
    {
        Build(Pipeline(0.1, 5), TimeSpan.FromMinutes(1));
        Build(Pipeline(0.2, 5), TimeSpan.FromMinutes(1));
        var runs = await Index().ScanAsync();
        var newest = runs.Newest("Train", 1).Single();

        Assert.Equal("0.2", newest.Parameter("lr"));
        Assert.Same(newest, runs.Resolve("Train"));
        Assert.Same(newest, runs.Resolve(newest.Id[..10]));
        Assert.Equal(["0.2", "0.1"], runs.Newest("GoKart.Viewer.Tests.Train", 5).Select(r => r.Parameter("lr")));
        var unknown = Assert.Throws<RunLookupException>(() => runs.Resolve("Trai"));
        Assert.Contains("Train", unknown.Message, StringComparison.Ordinal);
        Assert.NotEmpty(unknown.Candidates);
        var ambiguous = Assert.Throws<RunLookupException>(() => runs.Resolve(string.Empty + SharedPrefix(runs)));
        Assert.True(ambiguous.Candidates.Count >= 2);
    }

    private static string SharedPrefix(WorkspaceRuns runs)
    {
        var ids = runs.Runs.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        return ids.Zip(ids.Skip(1)).Select(p => p.First[..1]).FirstOrDefault(c => ids.Count(i => i.StartsWith(c, StringComparison.Ordinal)) > 1)
            ?? throw new InvalidOperationException("no two ids share a first character");
    }

    [Fact]
    public void Diff_ReportsChangedAddedRemoved()
    {
        var left = new TaskRun { Id = new string('a', 32), TaskName = "T", Parameters = [new("lr", "0.1"), new("epochs", "5"), new("old", "x")] };
        var right = new TaskRun { Id = new string('b', 32), TaskName = "T", Parameters = [new("lr", "0.2"), new("epochs", "5"), new("new", "y")] };

        Assert.Equal(
            [
                new ParameterChange("lr", ParameterChangeKind.Changed, "0.1", "0.2"),
                new ParameterChange("old", ParameterChangeKind.Removed, "x", null),
                new ParameterChange("new", ParameterChangeKind.Added, null, "y"),
            ],
            WorkspaceRuns.Diff(left, right));
    }

    [Fact]
    public async Task Lineage_UpstreamDownstreamUnnecessaryAndTree()
    {
        var first = Pipeline(0.1, 5);
        Build(first, TimeSpan.FromMinutes(1));
        var second = Pipeline(0.2, 5);
        Build(second, TimeSpan.FromMinutes(1));
        var runs = await Index().ScanAsync();
        var data = runs[new Data().UniqueId]!;
        var oldTrain = runs[first.Model.UniqueId]!;

        Assert.Equal([first.Model.UniqueId, new Data().UniqueId], runs.Upstream(runs[first.UniqueId]!).Select(r => r.Id));
        Assert.Equal(4, runs.Downstream(data).Count);
        Assert.Equal(new[] { first.UniqueId, first.Model.UniqueId }.Order(), runs.Unnecessary().Select(r => r.Id).Order());
        var tree = runs.RenderTree(runs[second.UniqueId]!);
        Assert.Equal(
            $"└─-(COMPLETE) Report[{second.UniqueId}]\n"
            + $"   |--(COMPLETE) Train[{second.Model.UniqueId}]\n"
            + $"   |  └─-(COMPLETE) Data[{data.Id}]\n"
            + $"   └─-(COMPLETE) Data[{data.Id}]\n"
            + "      └─- ...\n",
            tree);
        Assert.Contains(oldTrain, runs.Dependents(data));
    }

    [Fact]
    public async Task Clean_DryRunListsAndYesDeletesOnlyTheSelectedRuns()
    {
        var first = Pipeline(0.1, 5);
        Build(first, TimeSpan.FromMinutes(1));
        Build(Pipeline(0.2, 5), TimeSpan.FromMinutes(1));
        var index = Index();
        var runs = await index.ScanAsync();
        var unnecessary = runs.Unnecessary();
        var before = _store.Count;

        var planned = await index.CleanAsync(unnecessary, dryRun: true);
        Assert.Equal(before, _store.Count);
        Assert.Equal(2 * 5 + 3, planned.Count); // two runs' five logs, Report's two outputs, Train's one
        var deleted = await index.CleanAsync(unnecessary, dryRun: false);
        Assert.Equal(planned, deleted);
        Assert.Equal(before - planned.Count, _store.Count);
        var after = await index.ScanAsync();
        Assert.Equal(3, after.Runs.Count);
        Assert.Null(after[first.UniqueId]);
        Assert.False(WorkspaceIndex.IsInsideWorkspace("../x.json"));
        Assert.False(WorkspaceIndex.IsInsideWorkspace("/etc/passwd"));
        Assert.False(WorkspaceIndex.IsInsideWorkspace("s3://other/x.json"));
    }

    [Fact]
    public async Task Load_TypedNaturalAndPreview()
    {
        var report = Pipeline(0.1, 5);
        Build(report, TimeSpan.FromMinutes(1));
        var index = Index();
        var runs = await index.ScanAsync();

        Assert.Equal(6 * 0.1 * 5, await index.LoadAsync<double>(runs.Resolve("Train")), 10);
        var natural = await index.LoadAsync(runs.Resolve("Report"));
        Assert.Equal("score 3", ((System.Text.Json.JsonElement)natural!).GetString());
        var preview = await index.PreviewAsync(runs.Resolve("Report"), "table");
        Assert.Equal("3 columns; first 2 rows\nId (int64)  Score (float64)  Label (str)\n1           0.5              a\n2           1.5              b\n", preview);
        Assert.Equal("[\n  1,\n  2,\n  3\n]\n", await index.PreviewAsync(runs.Resolve("Data")));
    }

    [Fact]
    public async Task Scan_Again_ReadsNoLogFromTheCache_AndSeesChangedLogs()
    {
        Build(Pipeline(0.1, 5), TimeSpan.FromMinutes(1));
        var counting = new CountingStore(_store);
        var index = new WorkspaceIndex(counting, new WorkspaceIndexOptions { CacheDirectory = _cache });
        var cold = await index.ScanAsync();
        Assert.Equal(3 * 4, counting.Reads);

        counting.Reads = 0;
        var warm = await index.ScanAsync();
        Assert.Equal(0, counting.Reads);
        Assert.Equal(cold.Runs, warm.Runs, new RunEquality());

        Build(Pipeline(0.2, 5), TimeSpan.FromMinutes(1));
        counting.Reads = 0;
        var grown = await index.ScanAsync();
        Assert.Equal(2 * 4, counting.Reads);
        Assert.Equal(5, grown.Runs.Count);
    }

    [Fact]
    public async Task Scan_DamagedAndForeignLogs_AreNamedAndTheRestIsListed()
    {
        var report = Pipeline(0.1, 5);
        Build(report, TimeSpan.FromMinutes(1));
        await Write($"log/task_params/Train_{report.Model.UniqueId}.json", "{\"lr\": \"0.");
        await Write($"log/processing_time/Data_{new Data().UniqueId}.json", string.Empty);
        await Write("log/task_log/notes.txt", "hello");
        await Write("log/other/x.json", "{}");

        var runs = await Index().ScanAsync();

        Assert.Equal(3, runs.Runs.Count);
        Assert.Equal(4, runs.Problems.Count);
        Assert.Contains(runs.Problems, p => p.Location == $"memory://log/task_params/Train_{report.Model.UniqueId}.json" && p.Message.StartsWith("unreadable", StringComparison.Ordinal));
        Assert.Contains(runs.Problems, p => p.Location.EndsWith($"Data_{new Data().UniqueId}.json", StringComparison.Ordinal) && p.Message == "empty file");
        Assert.Contains(runs.Problems, p => p.Location == "memory://log/task_log/notes.txt");
        Assert.Contains(runs.Problems, p => p.Location == "memory://log/other/x.json" && p.Message.Contains("other", StringComparison.Ordinal));
        Assert.Empty(runs[report.Model.UniqueId]!.Parameters);
        Assert.Equal(4, (await Index().ScanAsync()).Problems.Count);
    }

    [Fact]
    public async Task Scan_OldLogsWithoutGraphFields_ListWithAPartialGraph()
    {
        var report = Pipeline(0.1, 5);
        Build(report, TimeSpan.FromMinutes(1));
        var path = $"log/task_log/Train_{report.Model.UniqueId}.json";
        var stream = await _store.OpenReadAsync(path, default);
        var node = System.Text.Json.Nodes.JsonNode.Parse(stream)!.AsObject();
        node.Remove("type");
        node.Remove("requires");
        node.Remove("output_paths");
        node["outputs"]!["output"] = "/somewhere/else/GoKart/Viewer/Tests/Train_" + report.Model.UniqueId + ".json";
        await Write(path, node.ToJsonString());

        var runs = await Index().ScanAsync();
        var train = runs[report.Model.UniqueId]!;

        Assert.Null(train.Requires);
        Assert.Null(train.TypeName);
        Assert.Equal("GoKart.Viewer.Tests", train.Namespace);
        Assert.Equal($"GoKart/Viewer/Tests/Train_{report.Model.UniqueId}.json", train.Outputs[0].Path);
        Assert.True(train.OutputsPresent);
        Assert.False(runs.GraphComplete);
        Assert.Empty(runs.Unnecessary());
        Assert.Contains("(requirements not recorded)", runs.RenderTree(train), StringComparison.Ordinal);
    }

    private async Task Write(string path, string text)
    {
        await using var write = await _store.BeginWriteAsync(path, default);
        await write.Stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));
        await write.CommitAsync(default);
    }
}
