using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GoKart.CommandLine;

/// <summary>
/// Splits the arguments luigi-style: <c>TaskName --param=value --Family-param=value --workers 4 ...</c>.
/// Program options may come anywhere; task parameters in the <c>--name value</c> form must follow the task
/// name (before it, use <c>--name=value</c>).
/// </summary>
internal static class ArgumentParser
{
    /// <summary>Options taking a value, with the placeholder shown in help.</summary>
    public static readonly IReadOnlyList<(string Name, string? Value, string Description)> Options =
    [
        ("help", null, "Show the tasks and their parameters (after a task name: that task only)."),
        ("workers", "N", "Run up to N tasks at once (default: processor count)."),
        ("workspace", "DIR", "The workspace folder or location (default: resources)."),
        ("rerun", null, "Run the task even when its output exists."),
        ("log-level", "LEVEL", "DEBUG, INFO, WARNING (default), ERROR, CRITICAL or NONE."),
        ("retry-count", "N", "Retry a failed task up to N times (luigi's retry_count; default 0)."),
        ("retry-delay", "SECONDS", "Wait this long before each retry (default 0)."),
        ("config", "FILE", "Read parameter defaults and options from this INI file (repeatable)."),
        ("tree", null, "Print the dependency tree with COMPLETE/PENDING and exit without running."),
        ("tree-details", null, "As --tree, with parameters, output paths and processing times."),
        ("tree-info-output", "FILE", "Write every task's info to FILE (.csv, .json, .md; .txt: the tree) and exit without running."),
        ("tree-info-output-path", "FILE", "gokart's name for --tree-info-output."),
        ("tree-info-mode", "MODE", "For a .txt --tree-info-output: simple (the tree) or all (with details, the default)."),
        ("dry-run", null, "List the tasks that would run and exit without running."),
        ("no-progress", null, "Print plain log lines instead of the live progress line."),
        ("ui", null, "Journal the build in WORKSPACE/.gokart/builds/ so that 'gokart ui WORKSPACE' shows it live."),
        ("executor", "NAME", "Run the missing tasks with this executor (e.g. slurm; default: in this process)."),
        ("redis-host", "HOST", "gokart's redis_host: the Redis server holding the shared task locks (with --redis-port)."),
        ("redis-port", "PORT", "gokart's redis_port: the port of that server."),
        ("local-scheduler", null, "Accepted for luigi compatibility; ignored."),
    ];

    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        var result = new ParsedArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?" or "/?")
            {
                result.Help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                if (arg.StartsWith('-') && arg.Length > 1)
                {
                    throw new CommandLineException($"Unknown option '{arg}'. Options start with '--' (e.g. --workers 4); run with --help.");
                }

                if (result.TaskName is not null)
                {
                    throw new CommandLineException(
                        $"Unexpected argument '{arg}' after task '{result.TaskName}'. Give one task; parameters are written --name=value.");
                }

                result.TaskName = arg;
                continue;
            }

            var body = arg[2..];
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            var inline = equals < 0 ? null : body[(equals + 1)..];
            if (IsOption(name))
            {
                i = ApplyOption(result, name, inline, args, i);
                continue;
            }

            string? value = inline;
            if (value is null && result.TaskName is not null && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            result.Parameters.Add(new ParameterArgument(name, value));
        }

        return result;
    }

    private static bool IsOption(string name) => Options.Any(o => o.Name == name);

    private static int ApplyOption(ParsedArguments result, string name, string? inline, IReadOnlyList<string> args, int index)
    {
        var takesValue = Options.First(o => o.Name == name).Value is not null;
        if (!takesValue)
        {
            var on = inline is null || ParseBool("--" + name, inline);
            switch (name)
            {
                case "help": result.Help = on; break;
                case "rerun": result.Rerun = on; break;
                case "tree": result.Tree = on; break;
                case "tree-details": result.TreeDetails = on; break;
                case "dry-run": result.DryRun = on; break;
                case "no-progress": result.Progress = !on; break;
                case "ui": result.Ui = on; break;
            }

            return index;
        }

        var value = inline;
        if (value is null)
        {
            if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"Option --{name} needs a value: --{name} {Options.First(o => o.Name == name).Value}.");
            }

            value = args[++index];
        }

        switch (name)
        {
            case "workers":
                result.Workers = ParseWorkers(value, "--workers");
                break;
            case "workspace":
                result.Workspace = value.Length > 0 ? value : throw new CommandLineException("Option --workspace needs a folder, e.g. --workspace out.");
                break;
            case "log-level":
                result.LogLevel = ParseLogLevel(value, "--log-level");
                break;
            case "config":
                result.ConfigFiles.Add(value);
                break;
            case "executor":
                result.Executor = value.Length > 0 ? value : throw new CommandLineException("Option --executor needs a name, e.g. --executor slurm.");
                break;
            case "redis-host":
                result.RedisHost = ParseHost(value, "--redis-host");
                break;
            case "redis-port":
                result.RedisPort = ParsePort(value, "--redis-port");
                break;
            case "retry-count":
                result.RetryCount = ParseRetryCount(value, "--retry-count");
                break;
            case "retry-delay":
                result.RetryDelay = ParseRetryDelay(value, "--retry-delay");
                break;
            case "tree-info-output" or "tree-info-output-path":
                result.TreeInfoOutput = value.Length > 0 ? value : throw new CommandLineException($"Option --{name} needs a file, e.g. --{name} tasks.csv.");
                break;
            case "tree-info-mode":
                result.TreeInfoDetails = value.Trim().ToUpperInvariant() switch
                {
                    "ALL" => true,
                    "SIMPLE" => false,
                    _ => throw new CommandLineException($"--tree-info-mode: '{value}' is not simple or all."),
                };
                break;
        }

        return index;
    }

    public static int ParseWorkers(string value, string origin) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var workers) && workers >= 1
            ? workers
            : throw new CommandLineException($"{origin}: '{value}' is not a valid number of workers; give a whole number of at least 1.");

    public static string ParseHost(string value, string origin) =>
        value.Trim() is { Length: > 0 } host && !host.Contains('/', StringComparison.Ordinal) && !host.Any(char.IsWhiteSpace)
            ? host
            : throw new CommandLineException($"{origin}: '{value}' is not a host name; give one such as localhost or 10.0.0.5.");

    public static int ParsePort(string value, string origin) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new CommandLineException($"{origin}: '{value}' is not a port; give a whole number from 1 to 65535.");

    public static int ParseRetryCount(string value, string origin) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0
            ? count
            : throw new CommandLineException($"{origin}: '{value}' is not a valid retry count; give a whole number of at least 0.");

    public static TimeSpan ParseRetryDelay(string value, string origin) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2
            ? TimeSpan.FromSeconds(seconds)
            : throw new CommandLineException($"{origin}: '{value}' is not a valid retry delay; give seconds, e.g. 30 or 0.5.");

    public static LogLevel ParseLogLevel(string value, string origin) => value.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "WARNING" or "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" or "FATAL" => LogLevel.Critical,
        "NONE" or "NOTSET" => LogLevel.None,
        _ => throw new CommandLineException($"{origin}: unknown log level '{value}'; use DEBUG, INFO, WARNING, ERROR, CRITICAL or NONE."),
    };

    public static bool ParseBool(string origin, string value) => value.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        _ => throw new CommandLineException($"{origin}: '{value}' is not true or false."),
    };
}
