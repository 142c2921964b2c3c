using Microsoft.Extensions.Logging;

namespace GoKart.Logging;

/// <summary>The default logger: one plain line per message on standard error, at or above a level.</summary>
internal sealed class StderrLoggerFactory(LogLevel minimum, TimeProvider time) : ILoggerFactory
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new StderrLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("Pass your own ILoggerFactory in BuildOptions.LoggerFactory to add providers.");

    public void Dispose()
    {
    }

    private sealed class StderrLogger(StderrLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= factory._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{factory._time.GetLocalNow():yyyy-MM-dd HH:mm:ss,fff} {Level(logLevel)} {category}: {formatter(state, exception)}";
            lock (factory._gate)
            {
                Console.Error.WriteLine(exception is null ? line : line + Environment.NewLine + exception);
            }
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "TRACE",
            LogLevel.Debug => "DEBUG",
            LogLevel.Information => "INFO",
            LogLevel.Warning => "WARNING",
            LogLevel.Error => "ERROR",
            _ => "CRITICAL",
        };
    }

    private readonly LogLevel _minimum = minimum;
    private readonly TimeProvider _time = time;
}
