using GoKart.Execution;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoKart.Tests.Execution;

public sealed class LogWriterTests
{
    [Fact]
    public async Task Enqueue_WritesInOrder_AndDrainWaitsForAll()
    {
        var writer = new LogWriter(NullLogger.Instance);
        var written = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            var n = i;
            await writer.Enqueue(async ct =>
            {
                await Task.Yield();
                written.Add(n);
            });
        }

        await writer.DrainAsync();

        Assert.Equal(Enumerable.Range(0, 50), written);
    }

    [Theory]
    [InlineData(false)] // drained before any log: no queue was ever made
    [InlineData(true)] // drained after a log: the queue is closed
    public async Task Enqueue_AfterDrain_IsDropped(bool loggedBefore)
    {
        var writer = new LogWriter(NullLogger.Instance);
        var ran = new List<string>();
        if (loggedBefore)
        {
            await writer.Enqueue(Record(ran, "before"));
        }

        await writer.DrainAsync();
        await writer.Enqueue(Record(ran, "after"));
        // Draining again is the signal: it returns only when everything that was queued has been written.
        await writer.DrainAsync();

        Assert.Equal(loggedBefore ? ["before"] : [], ran);
    }

    private static Func<CancellationToken, ValueTask> Record(List<string> ran, string name) => _ =>
    {
        lock (ran)
        {
            ran.Add(name);
        }

        return ValueTask.CompletedTask;
    };

    [Fact]
    public async Task FailingWrite_IsAWarning_AndLaterWritesStillRun()
    {
        var logger = new CollectingLogger();
        var writer = new LogWriter(logger);
        var ran = false;

        await writer.Enqueue(_ => throw new IOException("disk full"));
        await writer.Enqueue(_ =>
        {
            ran = true;
            return ValueTask.CompletedTask;
        });
        await writer.DrainAsync();

        Assert.True(ran);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Equal("Could not write a run log", warning.Message);
        Assert.IsType<IOException>(warning.Exception);
    }

    [Fact]
    public async Task WriteInline_RunsTheWriteBeforeEnqueueCompletes_OnTheCallersThread()
    {
        var writer = new LogWriter(NullLogger.Instance) { WriteInline = true };
        var caller = Environment.CurrentManagedThreadId;
        var thread = -1;

        var pending = writer.Enqueue(_ =>
        {
            thread = Environment.CurrentManagedThreadId;
            return ValueTask.CompletedTask;
        });

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal(caller, thread);
        await writer.DrainAsync();
    }

    [Theory]
    [InlineData(false)] // throws before returning a ValueTask
    [InlineData(true)] // returns a ValueTask that faults later
    public async Task WriteInline_FailingWrite_IsAWarning_NotAnError(bool faultsLater)
    {
        var logger = new CollectingLogger();
        var writer = new LogWriter(logger) { WriteInline = true };
        Func<CancellationToken, ValueTask> failing = faultsLater
            ? async _ =>
            {
                await Task.Yield();
                throw new IOException("disk full");
            }
            : _ => throw new IOException("disk full");

        await writer.Enqueue(failing);

        var warning = Assert.Single(logger.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.IsType<IOException>(warning.Exception);
    }

    private sealed class CollectingLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<(Microsoft.Extensions.Logging.LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception), exception));
            }
        }
    }
}
