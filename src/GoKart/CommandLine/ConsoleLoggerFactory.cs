using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GoKart.CommandLine;

/// <summary>
/// The command line's logger: the default plain line format, written through the <see cref="ProgressDisplay"/>
/// so that a log line never lands in the middle of the live progress line.
/// </summary>
internal sealed class ConsoleLoggerFactory(ProgressDisplay display, LogLevel minimum, TimeProvider time) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("Pass your own ILoggerFactory in CommandLineOptions.BuildOptions to add providers.");

    public void Dispose()
    {
    }

    private sealed class Logger(ConsoleLoggerFactory factory, string category) : ILogger
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
            factory._display.WriteLine(exception is null ? line : line + Environment.NewLine + exception);
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

    private readonly ProgressDisplay _display = display;
    private readonly LogLevel _minimum = minimum;
    private readonly TimeProvider _time = time;
}
