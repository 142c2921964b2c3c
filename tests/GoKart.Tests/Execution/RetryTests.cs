using System.Text.Json;
using GoKart.Storage;
using Microsoft.Extensions.Logging;

namespace GoKart.Tests.Execution;

/// <summary>Shared state of a flaky task: how many times it ran, how many times it should fail first.</summary>
public sealed class Flakiness
{
    private int _runs;

    public int FailFirst { get; init; }

    public int Runs => Volatile.Read(ref _runs);

    public int NextRun() => Interlocked.Increment(ref _runs);
}

public sealed class FlakyTask : TaskOnKart<string>
{
    public string Name { get; init; } = "f";

    [NotParameter]
    public Flakiness State { get; init; } = new();

    protected override IReadOnlyDictionary<string, Target> AdditionalOutputs() =>
        new Dictionary<string, Target> { ["side"] = MakeTarget("side.txt") };

    protected override string Run()
    {
        var run = State.NextRun();
        Logger.LogInformation("attempt {Run}", run);
        Dump("side", $"side of run {run}");
        return run <= State.FailFirst ? throw new InvalidOperationException($"flake {run}") : $"ok on run {run}";
    }
}

[Retry(2)]
public sealed class RetriedTwice : TaskOnKart<int>
{
    [NotParameter]
    public Flakiness State { get; init; } = new();

    protected override int Run() => State.NextRun() <= State.FailFirst ? throw new InvalidOperationException("flake") : 7;
}

[Retry(0)]
public sealed class NeverRetried : TaskOnKart<int>
{
    [NotParameter]
    public Flakiness State { get; init; } = new();

    protected override int Run() => State.NextRun() <= State.FailFirst ? throw new InvalidOperationException("flake") : 7;
}

[Retry(3, DelaySeconds = 5)]
public sealed class RetriedLater : TaskOnKart<int>
{
    [NotParameter]
    public Flakiness State { get; init; } = new();

    protected override int Run() => State.NextRun() <= State.FailFirst ? throw new InvalidOperationException("flake") : 7;
}

[Retry(5)]
public sealed class WaitsForCancel : TaskOnKart<int>
{
    [NotParameter]
    public TaskCompletionSource Started { get; init; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [NotParameter]
    public Flakiness State { get; init; } = new();

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        State.NextRun();
        Started.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 1;
    }
}

/// <summary>Records the delays asked of it and lets them pass at once.</summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    public List<TimeSpan> Delays { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (Delays)
        {
            Delays.Add(dueTime);
        }

        return base.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}

public sealed class RetryTests
{
    [Fact]
    public async Task Build_BuildRetryCount_RetriedAttemptStartsFromScratch()
    {
        var store = new InMemoryStore();
        var task = new FlakyTask { State = new() { FailFirst = 2 } };

        var report = await Kart.ExecuteAsync(task, new BuildOptions { Store = store, RetryCount = 2 });

        Assert.True(report.Succeeded);
        Assert.Equal("ok on run 3", report.RootOutput);
        Assert.Equal(3, Assert.Single(report.Tasks).Attempts);
        var side = (await store.ListAsync("side_", CancellationToken.None).ToListAsync()).Single().Path;
        Assert.Equal("side of run 3", await ReadTextAsync(store, side));
        using var log = JsonDocument.Parse(await ReadTextAsync(store, $"log/task_log/FlakyTask_{task.UniqueId}.json"));
        Assert.Equal(3, log.RootElement.GetProperty("attempts").GetInt32());
        Assert.Equal(["attempt 3"], log.RootElement.GetProperty("task_log").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Build_RetriesExhausted_FailureCountsAttempts()
    {
        var task = new FlakyTask { Name = "x", State = new() { FailFirst = 5 } };

        var report = await Kart.ExecuteAsync(task, new BuildOptions { Store = new InMemoryStore(), RetryCount = 1 });

        var failure = Assert.Single(report.Failures);
        Assert.Equal(2, task.State.Runs);
        Assert.Equal(2, failure.Attempts);
        Assert.Equal("flake 2", failure.Exception.Message);
        Assert.EndsWith("InvalidOperationException: flake 2 after 2 attempts", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_NoRetryConfigured_RunsOnce()
    {
        var task = new FlakyTask { Name = "once", State = new() { FailFirst = 1 } };

        var report = await Kart.ExecuteAsync(task, new BuildOptions { Store = new InMemoryStore() });

        Assert.False(report.Succeeded);
        Assert.Equal(1, task.State.Runs);
    }

    [Fact]
    public async Task Build_ClassAttribute_WinsOverBuildOption()
    {
        var twice = new RetriedTwice { State = new() { FailFirst = 2 } };
        var never = new NeverRetried { State = new() { FailFirst = 1 } };

        var retried = await Kart.ExecuteAsync(twice, new BuildOptions { Store = new InMemoryStore(), RetryCount = 0 });
        var notRetried = await Kart.ExecuteAsync(never, new BuildOptions { Store = new InMemoryStore(), RetryCount = 3 });

        Assert.True(retried.Succeeded);
        Assert.Equal(3, twice.State.Runs);
        Assert.False(notRetried.Succeeded);
        Assert.Equal(1, never.State.Runs);
    }

    [Fact]
    public async Task Build_RetryDelay_WaitsOnTheBuildsClockBeforeEachRetry()
    {
        var time = new RecordingTimeProvider();
        var task = new RetriedLater { State = new() { FailFirst = 2 } };

        var report = await Kart.ExecuteAsync(task, new BuildOptions { Store = new InMemoryStore(), TimeProvider = time });

        Assert.True(report.Succeeded);
        lock (time.Delays)
        {
            Assert.Equal(2, time.Delays.Count(d => d == TimeSpan.FromSeconds(5)));
        }
    }

    [Fact]
    public async Task Build_Cancelled_NeverRetried()
    {
        var task = new WaitsForCancel();
        using var cancel = new CancellationTokenSource();

        var build = Kart.ExecuteAsync(task, new BuildOptions { Store = new InMemoryStore() }, cancel.Token);
        await task.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build);
        Assert.Equal(1, task.State.Runs);
    }

    private static async Task<string> ReadTextAsync(InMemoryStore store, string path)
    {
        await using var stream = await store.OpenReadAsync(path, CancellationToken.None);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
