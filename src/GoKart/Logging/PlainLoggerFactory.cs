using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GoKart.Logging;

/// <summary>
/// The default logger: one plain line per message (<c>time LEVEL category: message</c>) at or above a level,
/// written to a line sink: standard error for builds, the progress display for the command line (so a log
/// line never lands in the middle of the live progress line).
/// </summary>
internal sealed class PlainLoggerFactory : ILoggerFactory
{
    private readonly LogLevel _minimum;
    private readonly TimeProvider _time;
    private readonly Action<string> _writeLine;

    public PlainLoggerFactory(LogLevel minimum, TimeProvider time, Action<string>? writeLine = null)
    {
        _minimum = minimum;
        _time = time;
        var gate = new Lock();
        _writeLine = writeLine ?? (line =>
        {
            lock (gate)
            {
                Console.Error.WriteLine(line);
            }
        });
    }

    public ILogger CreateLogger(string categoryName) => new PlainLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("Pass your own ILoggerFactory in BuildOptions.LoggerFactory to add providers.");

    public void Dispose()
    {
    }

    private sealed class PlainLogger(PlainLoggerFactory factory, string category) : ILogger
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

            var time = factory._time.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
            var line = $"{time} {Level(logLevel)} {category}: {formatter(state, exception)}";
            factory._writeLine(exception is null ? line : line + Environment.NewLine + exception);
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
}
