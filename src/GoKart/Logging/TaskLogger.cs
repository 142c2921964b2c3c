using Microsoft.Extensions.Logging;

namespace GoKart.Logging;

/// <summary>A task's logger: keeps what the task logs for its task_log file and forwards it to the build's logger.</summary>
internal sealed class TaskLogger(ILogger inner, TimeProvider time) : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<TaskLogEntry> _entries = [];

    public IReadOnlyList<TaskLogEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information || inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (logLevel >= LogLevel.Information && logLevel != LogLevel.None)
        {
            var message = formatter(state, exception);
            lock (_gate)
            {
                _entries.Add(new TaskLogEntry(time.GetUtcNow(), logLevel, exception is null ? message : $"{message}: {exception}"));
            }
        }

        inner.Log(logLevel, eventId, state, exception, formatter);
    }
}

/// <summary>One line of a task's log.</summary>
/// <remarks>
/// A class, not a struct: the framework's generic code over a struct of GoKart (<c>List&lt;TaskLogEntry&gt;</c>, the
/// array enumerator) cannot be precompiled into either image and was JIT-compiled in every fresh process (6 methods,
/// issue 18 start-up); over a class it shares the framework's precompiled code.
/// </remarks>
internal sealed record TaskLogEntry(DateTimeOffset Time, LogLevel Level, string Message);
