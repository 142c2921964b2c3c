using System.Collections.Concurrent;
using GoKart.Storage;
using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

public sealed class HookedTask : TaskOnKart<string>
{
    public string Text { get; init; } = "t";

    public bool Fail { get; init; }

    public bool HookThrows { get; init; }

    [NotParameter]
    public ConcurrentQueue<string> Seen { get; init; } = new();

    protected override string Run() => Fail ? throw new InvalidOperationException("broken " + Text) : Text.ToUpperInvariant();

    protected override void OnSuccess(string output)
    {
        Seen.Enqueue("success:" + output);
        if (HookThrows)
        {
            throw new InvalidOperationException("hook");
        }
    }

    protected override string? OnFailure(Exception exception)
    {
        Seen.Enqueue("failure:" + exception.Message);
        return HookThrows ? throw new InvalidOperationException("hook") : "check the input of " + Text;
    }
}

public sealed class HookedParent : TaskOnKart<string>
{
    public TaskOnKart<string> Child { get; init; } = new HookedTask();

    protected override string Run() => Load(Child) + "!";
}

/// <summary>Writes every event it gets as a line; can be told to throw from every method.</summary>
internal sealed class RecordingObserver(bool throws = false) : IBuildObserver
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void BuildStarted(TaskOnKart root, int scheduled, int total) => Add($"build-start {root.GetType().Name} {scheduled}/{total}");

    public void TaskAlreadyComplete(TaskEventInfo task) => Add($"complete {task.TaskName}");

    public void TaskStarted(TaskEventInfo task) => Add($"start {task.TaskName}");

    public void TaskSucceeded(TaskEventInfo task) => Add($"success {task.TaskName} attempts={task.Attempts}");

    public void TaskFailed(TaskEventInfo task) => Add($"failure {task.TaskName} {task.Error?.Message}");

    public void BuildFinished(BuildReport report) => Add($"build-end {report.Succeeded}");

    private void Add(string line)
    {
        Events.Enqueue(line);
        if (throws)
        {
            throw new InvalidOperationException("observer " + line);
        }
    }
}

public sealed class EventTests
{
    [Fact]
    public async Task Build_Success_OnSuccessGetsTheOutput()
    {
        var task = new HookedTask { Text = "abc" };

        Assert.Equal("ABC", await Kart.BuildAsync(task, new BuildOptions { Store = new InMemoryStore() }));

        Assert.Equal(["success:ABC"], task.Seen);
    }

    [Fact]
    public async Task Build_Failure_OnFailureTextGoesIntoTheFailureMessage()
    {
        var task = new HookedTask { Text = "abc", Fail = true };

        var e = await Assert.ThrowsAsync<GoKartBuildException>(() => Kart.BuildAsync(task, new BuildOptions { Store = new InMemoryStore() }));

        Assert.Equal(["failure:broken abc"], task.Seen);
        Assert.Equal("check the input of abc", Assert.Single(e.Failures).Explanation);
        Assert.Contains("broken abc (check the input of abc)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ThrowingHooks_OutcomeUnchanged()
    {
        var ok = new HookedTask { Text = "ok", HookThrows = true };
        var bad = new HookedTask { Text = "bad", Fail = true, HookThrows = true };

        var succeeded = await Kart.ExecuteAsync(ok, new BuildOptions { Store = new InMemoryStore() });
        var failed = await Kart.ExecuteAsync(bad, new BuildOptions { Store = new InMemoryStore() });

        Assert.True(succeeded.Succeeded);
        Assert.Equal("OK", succeeded.RootOutput);
        var failure = Assert.Single(failed.Failures);
        Assert.Equal("broken bad", failure.Exception.Message);
        Assert.Null(failure.Explanation);
    }

    [Fact]
    public async Task Build_Observers_SeeEveryEventInOrder()
    {
        var store = new InMemoryStore();
        await Kart.BuildAsync(new HookedTask { Text = "c" }, new BuildOptions { Store = store });
        var observer = new RecordingObserver();

        await Kart.BuildAsync(new HookedParent { Child = new HookedTask { Text = "c" } }, new BuildOptions { Store = store, Observers = [observer] });

        Assert.Equal(
            ["build-start HookedParent 1/2", "complete HookedTask", "start HookedParent", "success HookedParent attempts=1", "build-end True"],
            observer.Events);
    }

    [Fact]
    public async Task Build_ObserverOfFailure_GetsTheError()
    {
        var observer = new RecordingObserver();

        await Kart.ExecuteAsync(new HookedTask { Text = "z", Fail = true }, new BuildOptions { Store = new InMemoryStore(), Observers = [observer] });

        Assert.Equal(["build-start HookedTask 1/1", "start HookedTask", "failure HookedTask broken z", "build-end False"], observer.Events);
    }

    [Fact]
    public async Task Build_ThrowingObserver_LoggedAndBuildUnchangedAndOthersStillCalled()
    {
        var thrower = new RecordingObserver(throws: true);
        var after = new RecordingObserver();
        var logged = new ConcurrentQueue<string>();

        var output = await Kart.BuildAsync(
            new HookedTask { Text = "q" },
            new BuildOptions { Store = new InMemoryStore(), Observers = [thrower, after], LoggerFactory = new ListLoggerFactory(logged) });

        Assert.Equal("Q", output);
        Assert.Equal(4, after.Events.Count);
        Assert.Contains(logged, l => l.Contains("RecordingObserver.TaskStarted threw", StringComparison.Ordinal));
    }
}
