using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GoKart.Remote.Tests.Execution;

/// <summary>Keeps every warning and error, with its exception, from a build or a lock.</summary>
public sealed class CapturedLog : ILoggerFactory, ILogger
{
    private readonly ConcurrentQueue<(string Message, Exception? Exception)> _entries = new();

    /// <summary>Each entry as <c>message | exception text</c>.</summary>
    public IReadOnlyList<string> Warnings => _entries.Select(e => e.Exception is null ? e.Message : $"{e.Message} | {e.Exception}").ToList();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _entries.Enqueue((formatter(state, exception), exception));
        }
    }

    public void Dispose()
    {
    }
}
