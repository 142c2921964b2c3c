using Microsoft.Extensions.Logging;

namespace GoKart.Execution;

/// <summary>
/// The engine's log lines, source-generated: a disabled level costs one check, and no message template is parsed at
/// run time (parsing one cost several milliseconds of a fresh process's start-up).
/// </summary>
internal static partial class EngineLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Count} task(s) of {Total} in the graph of {Root}")]
    public static partial void Scheduled(ILogger logger, int count, int total, string root);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Running {Task}")]
    public static partial void Running(ILogger logger, string task);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Task} was written by another process meanwhile; keeping that output.")]
    public static partial void WrittenElsewhere(ILogger logger, string task);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Task} is running elsewhere; waiting for it.")]
    public static partial void RunningElsewhere(ILogger logger, string task);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Task}: {Message}")]
    public static partial void MissingData(ILogger logger, string task, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Task} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string task);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write a run log")]
    public static partial void RunLogFailed(ILogger logger, Exception exception);
}
