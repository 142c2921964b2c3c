using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GoKart.Tests.Support;

/// <summary>A logger factory that keeps every formatted message (with the exception's message) in a queue.</summary>
internal sealed class ListLoggerFactory(ConcurrentQueue<string> lines) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? string.Empty : " | " + exception.Message)}");
    }
}
