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
            writer.Enqueue(async ct =>
            {
                await Task.Yield();
                written.Add(n);
            });
        }

        await writer.DrainAsync();

        Assert.Equal(Enumerable.Range(0, 50), written);
    }

    [Fact]
    public async Task Enqueue_AfterDrain_IsDropped()
    {
        var writer = new LogWriter(NullLogger.Instance);
        await writer.DrainAsync();
        var ran = false;

        writer.Enqueue(_ =>
        {
            ran = true;
            return ValueTask.CompletedTask;
        });
        await Task.Delay(50);

        Assert.False(ran);
    }

    [Fact]
    public async Task FailingWrite_IsAWarning_AndLaterWritesStillRun()
    {
        var logger = new CollectingLogger();
        var writer = new LogWriter(logger);
        var ran = false;

        writer.Enqueue(_ => throw new IOException("disk full"));
        writer.Enqueue(_ =>
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
