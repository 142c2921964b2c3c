using System.Text;
using System.Text.RegularExpressions;
using GoKart.Storage;
using GoKart.Tests.Support;

namespace GoKart.Tests.Execution.Journal;

public sealed partial class BuildJournalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"^\d{8}T\d{9}Z-\d+-[0-9a-f]{4}$")]
    private static partial Regex BuildIdPattern();

    private JournalFile ReadOnlyJournal()
    {
        var path = Assert.Single(Directory.GetFiles(_dir.Combine(".gokart", "builds")));
        return JournalFile.Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path, Encoding.UTF8));
    }

    [Fact]
    public async Task Journal_LocalBuild_PlanHasTheGraphThenStartAndDonePerRunTaskThenEnd()
    {
        var shared = new Number { Value = 1 };
        var before = new Number { Value = 5 };
        await Kart.BuildAsync(before, new BuildOptions { Workspace = _dir.Path, ReadConfigFiles = false });
        var addOne = new AddOne { Input = shared };
        var root = new Sum { Inputs = [addOne, shared, before] };

        var output = await Kart.BuildAsync(root, new BuildOptions { Workspace = _dir.Path, Journal = true, Workers = 2, ReadConfigFiles = false });

        Assert.Equal(2 + 1 + 5, output);
        var journal = ReadOnlyJournal();
        Assert.Matches(BuildIdPattern(), journal.Name);
        Assert.Equal(journal.Name, journal.Plan.GetProperty("build").GetString());
        Assert.Equal(Environment.ProcessId, journal.Plan.GetProperty("pid").GetInt32());
        Assert.Equal(Environment.MachineName, journal.Plan.GetProperty("host").GetString());
        Assert.Equal(2, journal.Plan.GetProperty("workers").GetInt32());
        Assert.Equal(root.UniqueId, journal.Ids[journal.Plan.GetProperty("root").GetInt32()]);

        string[] Ids(params TaskOnKart[] tasks) => [.. tasks.Select(t => t.UniqueId).Order(StringComparer.Ordinal)];
        var expected = new Dictionary<string, (string, string, string, string[])>
        {
            [shared.UniqueId] = ("Number", typeof(Number).FullName!, "pending", []),
            [before.UniqueId] = ("Number", typeof(Number).FullName!, "complete", []),
            [addOne.UniqueId] = ("AddOne", typeof(AddOne).FullName!, "pending", Ids(shared)),
            [root.UniqueId] = ("Sum", typeof(Sum).FullName!, "pending", Ids(addOne, shared, before)),
        };
        var tasks = journal.Tasks();
        Assert.Equal(expected.Keys.Order(), tasks.Keys.Order());
        foreach (var (id, want) in expected)
        {
            Assert.Equal(want.Item1, tasks[id].Task);
            Assert.Equal(want.Item2, tasks[id].Type);
            Assert.Equal(want.Item3, tasks[id].State);
            Assert.Equal(want.Item4, tasks[id].Requires);
        }

        var run = Ids(shared, addOne, root);
        Assert.Equal(run, journal.IdsOf("start").Order(StringComparer.Ordinal));
        Assert.Equal(run, journal.IdsOf("done").Order(StringComparer.Ordinal));
        var events = journal.Events.Select(e => (Kind: e.GetProperty("event").GetString(), Id: e.TryGetProperty("n", out var n) ? journal.Ids[n.GetInt32()] : null)).ToList();
        foreach (var id in run)
        {
            Assert.True(events.IndexOf(("start", id)) < events.IndexOf(("done", id)), $"start before done for {id}");
        }

        // Requirements are done before the tasks that need them start.
        Assert.True(events.IndexOf(("done", shared.UniqueId)) < events.IndexOf(("start", addOne.UniqueId)));
        Assert.True(events.IndexOf(("done", addOne.UniqueId)) < events.IndexOf(("start", root.UniqueId)));
        Assert.All(journal.Events.Where(e => e.GetProperty("event").GetString() == "done"), e => Assert.True(e.GetProperty("seconds").GetDouble() >= 0));
        Assert.Empty(journal.IdsOf("failed"));
        Assert.Equal("succeeded", journal.EndStatus);
    }

    [Fact]
    public async Task Journal_FailingTask_WritesFailedWithTheFirstLineOfTheErrorAndEndFailed()
    {
        var boom = new Boom { Why = "disk on fire\nsecond line" };
        var fine = new Number { Value = 7 };
        var root = new Sum { Inputs = [boom, fine] };

        var report = await Kart.ExecuteAsync(root, new BuildOptions { Workspace = _dir.Path, Journal = true, Workers = 1, ReadConfigFiles = false });

        Assert.False(report.Succeeded);
        var journal = ReadOnlyJournal();
        Assert.Equal([boom.UniqueId], journal.IdsOf("failed"));
        var failed = journal.Events.Single(e => e.GetProperty("event").GetString() == "failed");
        Assert.Equal("disk on fire", failed.GetProperty("error").GetString());
        Assert.Equal([fine.UniqueId], journal.IdsOf("done"));
        Assert.DoesNotContain(root.UniqueId, journal.IdsOf("start"));
        Assert.Equal("failed", journal.EndStatus);
    }

    [Fact]
    public async Task Journal_StoreWithoutAppend_GetsTheWholeValidFile()
    {
        var store = new InMemoryStore();
        var root = new AddOne { Input = new AddOne { Input = new Number { Value = 1 } } };

        Assert.Equal(3, await Kart.BuildAsync(root, new BuildOptions { Store = store, Journal = true, ReadConfigFiles = false }));

        var entries = new List<StoreEntry>();
        await foreach (var entry in store.ListAsync(".gokart/builds/", CancellationToken.None))
        {
            entries.Add(entry);
        }

        var path = Assert.Single(entries).Path;
        await using var stream = await store.OpenReadAsync(path, CancellationToken.None);
        using var text = new StreamReader(stream, Encoding.UTF8);
        var journal = JournalFile.Parse(Path.GetFileNameWithoutExtension(path), await text.ReadToEndAsync());
        Assert.Equal(3, journal.Tasks().Count);
        Assert.Equal(3, journal.IdsOf("start").Count);
        Assert.Equal(3, journal.IdsOf("done").Count);
        Assert.Equal("succeeded", journal.EndStatus);
    }

    [Fact]
    public async Task Journal_CancelledBuild_EndsWithCancelled()
    {
        using var cts = new CancellationTokenSource();
        var root = new Sum { Inputs = [.. Enumerable.Range(0, 6).Select(i => new Slow { Id = i })] };
        var options = new BuildOptions
        {
            Workspace = _dir.Path,
            Journal = true,
            Workers = 2,
            ReadConfigFiles = false,
            Progress = p =>
            {
                if (p.Event == BuildEvent.Succeeded)
                {
                    cts.Cancel();
                }
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Kart.BuildAsync(root, options, cts.Token));

        var journal = ReadOnlyJournal();
        Assert.Equal("cancelled", journal.EndStatus);
        Assert.NotEmpty(journal.IdsOf("done"));
        Assert.DoesNotContain(root.UniqueId, journal.IdsOf("start"));
    }

    [Fact]
    public async Task Journal_AllCompleteBuild_ListsTheRootCompleteAndEnds()
    {
        var root = new Number { Value = 3 };
        await Kart.BuildAsync(root, new BuildOptions { Workspace = _dir.Path, ReadConfigFiles = false });

        await Kart.BuildAsync(root, new BuildOptions { Workspace = _dir.Path, Journal = true, ReadConfigFiles = false });

        var journal = ReadOnlyJournal();
        Assert.Equal("complete", journal.Tasks()[root.UniqueId].State);
        Assert.Equal("succeeded", journal.EndStatus);
    }

    [Fact]
    public async Task Journal_Off_WritesNoJournal()
    {
        await Kart.BuildAsync(new Number { Value = 2 }, new BuildOptions { Workspace = _dir.Path, ReadConfigFiles = false });

        Assert.False(Directory.Exists(_dir.Combine(".gokart")));
    }
}

/// <summary>A store without append that signals each journal write, to see the journal while the build runs.</summary>
internal sealed class WatchedStore : IWorkspaceStore
{
    private readonly InMemoryStore _inner = new();

    public event Action<string>? JournalWritten;

    public string Describe(string path) => _inner.Describe(path);

    public ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) => _inner.ExistsAsync(path, cancellationToken);

    public ValueTask<DateTimeOffset?> GetLastModifiedAsync(string path, CancellationToken cancellationToken) => _inner.GetLastModifiedAsync(path, cancellationToken);

    public ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) => _inner.OpenReadAsync(path, cancellationToken);

    public ValueTask<IPendingWrite> BeginWriteAsync(string path, CancellationToken cancellationToken) => _inner.BeginWriteAsync(path, cancellationToken);

    public async ValueTask WriteSmallAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await ((IWorkspaceStore)_inner).WriteSmallAsync(path, bytes, cancellationToken);
        if (path.StartsWith(".gokart/builds/", StringComparison.Ordinal))
        {
            JournalWritten?.Invoke(Encoding.UTF8.GetString(bytes.Span));
        }
    }

    public ValueTask<bool> DeleteAsync(string path, CancellationToken cancellationToken) => _inner.DeleteAsync(path, cancellationToken);

    public IAsyncEnumerable<StoreEntry> ListAsync(string prefix, CancellationToken cancellationToken) => _inner.ListAsync(prefix, cancellationToken);
}

/// <summary>Runs until the journal shows its own start: proves the journal is rewritten while the build runs.</summary>
public sealed class WaitsForItsStartInTheJournal : TaskOnKart<int>
{
    [NotParameter]
    public required Task SeenStarted { get; init; }

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await SeenStarted.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        return 1;
    }
}

public sealed class BuildJournalRewriteTests
{
    [Fact]
    public async Task Journal_StoreWithoutAppend_IsRewrittenWhileTheBuildRuns()
    {
        var store = new WatchedStore();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = new List<string>();
        store.JournalWritten += text =>
        {
            lock (writes)
            {
                writes.Add(text);
            }

            if (text.Contains("\"event\":\"start\"", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        };

        // Without a rewrite before the end, the task would wait 20 s and the build fail with a TimeoutException.
        var report = await Kart.ExecuteAsync(new WaitsForItsStartInTheJournal { SeenStarted = started.Task }, new BuildOptions { Store = store, Journal = true, ReadConfigFiles = false });

        Assert.True(report.Succeeded, report.Failures.Count > 0 ? report.Failures[0].Exception.Message : null);
        Assert.True(writes.Count >= 2);
        Assert.DoesNotContain("\"event\":\"end\"", writes[0], StringComparison.Ordinal);
        Assert.EndsWith("\"status\":\"succeeded\"}\n", writes[^1], StringComparison.Ordinal);
    }
}
