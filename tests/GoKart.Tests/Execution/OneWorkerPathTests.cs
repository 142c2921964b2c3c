using System.Collections.Concurrent;
using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

/// <summary>Records the thread each run took place on.</summary>
public sealed class ThreadLeaf : TaskOnKart<int>
{
    public int Id { get; init; }

    public bool Fail { get; init; }

    [NotParameter]
    public ConcurrentQueue<int> Threads { get; init; } = new();

    protected override int Run()
    {
        Threads.Enqueue(Environment.CurrentManagedThreadId);
        return Fail ? throw new InvalidOperationException($"leaf {Id} broken") : Id * 10;
    }
}

/// <summary>Fails on its first attempt, succeeds on the second.</summary>
[Retry(1)]
public sealed class FlakyLeaf : TaskOnKart<int>
{
    [NotParameter]
    public RunCounter Counter { get; init; } = new();

    protected override int Run()
    {
        Counter.Hit("flaky");
        return Counter["flaky"] == 1 ? throw new IOException("first attempt") : 7;
    }
}

public sealed class ThreadRoot : TaskOnKart<int>
{
    public IReadOnlyList<TaskOnKart<int>> Inputs { get; init; } = [];

    protected override int Run() => Inputs.Sum(Load);
}

/// <summary>
/// A build whose tasks fit one worker runs it on the calling thread with a plain queue (issue 18, start-up); a build with
/// more workers uses the thread pool and a channel. Both must produce the same outputs, logs, outcomes and events.
/// </summary>
public sealed class OneWorkerPathTests : IDisposable
{
    private readonly TempDirectory _one = new();
    private readonly TempDirectory _many = new();

    public void Dispose()
    {
        _one.Dispose();
        _many.Dispose();
    }

    private static ThreadRoot Graph(ConcurrentQueue<int> threads, bool failing) => new()
    {
        Inputs =
        [
            .. Enumerable.Range(0, 5).Select(i => new ThreadLeaf { Id = i, Fail = failing && i == 3, Threads = threads }),
            new FlakyLeaf(),
        ],
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OneWorkerAndFourWorkers_SameFilesOutcomesAndEvents(bool failing)
    {
        var oneThreads = new ConcurrentQueue<int>();
        var manyThreads = new ConcurrentQueue<int>();
        var oneObserver = new RecordingObserver();
        var manyObserver = new RecordingObserver();

        var one = await Kart.ExecuteAsync(Graph(oneThreads, failing), new BuildOptions { Workspace = _one.Path, Workers = 1, Observers = [oneObserver] });
        var many = await Kart.ExecuteAsync(Graph(manyThreads, failing), new BuildOptions { Workspace = _many.Path, Workers = 4, Observers = [manyObserver] });

        Assert.Equal(!failing, one.Succeeded);
        Assert.Equal(one.Succeeded, many.Succeeded);
        if (!failing)
        {
            Assert.Equal(0 + 10 + 20 + 30 + 40 + 7, one.RootOutput);
        }

        Assert.Equal(one.RootOutput, many.RootOutput);
        Assert.Equal(Outcomes(one), Outcomes(many));
        Assert.Equal(one.Failures.Select(f => f.Exception.Message), many.Failures.Select(f => f.Exception.Message));
        Assert.Equal(oneObserver.Events.Order(StringComparer.Ordinal), manyObserver.Events.Order(StringComparer.Ordinal));
        Assert.NotEmpty(_one.Files());
        Assert.Equal(_one.Files(), _many.Files());
        Assert.Equal(5, oneThreads.Count);
        Assert.Equal(5, manyThreads.Count);
    }

    [Fact]
    public void OneWorker_RunsOnTheCallingThread()
    {
        // A thread of its own: the test runner's thread carries a synchronization context, under which the engine
        // leaves the calling thread (the next test).
        var threads = new ConcurrentQueue<int>();
        var total = 0;
        var caller = 0;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            caller = Environment.CurrentManagedThreadId;
            try
            {
                total = Kart.Build(Graph(threads, failing: false), new BuildOptions { Workspace = _one.Path, Workers = 1 });
            }
#pragma warning disable CA1031 // Handed to the test thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = e;
            }
        });

        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "the build did not finish in 60 s");

        Assert.Null(error);
        Assert.Equal(107, total);
        Assert.Equal([caller], threads.Distinct());
    }

    [Fact]
    public void OneWorker_UnderASynchronizationContext_LeavesTheCallingThread()
    {
        // Kart.Build blocks its caller: under a context, awaits inside tasks would post back to the blocked thread.
        var threads = new ConcurrentQueue<int>();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new SynchronizationContext());
        try
        {
            Assert.Equal(107, Kart.Build(Graph(threads, failing: false), new BuildOptions { Workspace = _one.Path, Workers = 1 }));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Assert.DoesNotContain(Environment.CurrentManagedThreadId, threads);
    }

    [Fact]
    public async Task OneWorker_Cancelled_StopsAfterTheRunningTaskAndLeavesNoPartialOutput()
    {
        using var cts = new CancellationTokenSource();
        var threads = new ConcurrentQueue<int>();
        var options = new BuildOptions
        {
            Workspace = _one.Path,
            Workers = 1,
            Progress = p =>
            {
                if (p.Event == BuildEvent.Succeeded)
                {
                    cts.Cancel();
                }
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Kart.BuildAsync(Graph(threads, failing: false), options, cts.Token));

        Assert.Single(threads);
        Assert.DoesNotContain(_one.Files(), f => f.Contains(".gokart-tmp-", StringComparison.Ordinal));
        Assert.DoesNotContain(_one.Files(), f => f.Contains("/ThreadRoot_", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Outcomes(BuildReport report) =>
        report.Tasks.Select(t => $"{t.TaskName} {t.UniqueId} {t.Status} {t.Attempts}").Order(StringComparer.Ordinal);
}
