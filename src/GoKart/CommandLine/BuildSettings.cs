using Microsoft.Extensions.Logging;

namespace GoKart.CommandLine;

/// <summary>
/// Build options from the <c>[core]</c> and <c>[TaskOnKart]</c> sections of config files (gokart keeps
/// its workspace_directory in <c>[TaskOnKart]</c>). Keys we do not use are luigi's or gokart's own
/// settings and are ignored.
/// </summary>
internal sealed class BuildSettings
{
    public static readonly string[] Sections = ["core", "TaskOnKart", "worker", "scheduler"];

    public string? Workspace { get; private set; }

    public int? Workers { get; private set; }

    public bool? Rerun { get; private set; }

    public LogLevel? LogLevel { get; private set; }

    public bool? StrictCheck { get; private set; }

    public bool? ModificationTimeCheck { get; private set; }

    public bool? FailOnEmptyDump { get; private set; }

    public bool? ShouldLockRun { get; private set; }

    public string? RedisHost { get; private set; }

    public int? RedisPort { get; private set; }

    /// <summary>Where redis_host and redis_port were set, for messages.</summary>
    public string? RedisHostOrigin { get; private set; }

    public string? RedisPortOrigin { get; private set; }

    /// <summary>luigi's retry_count (its [scheduler] section, or [worker]/[TaskOnKart]).</summary>
    public int? RetryCount { get; private set; }

    /// <summary>luigi's retry_delay in seconds.</summary>
    public TimeSpan? RetryDelay { get; private set; }

    public static BuildSettings Read(IReadOnlyList<IniFile> files, Func<string, string?> getEnvironmentVariable)
    {
        var settings = new BuildSettings();
        foreach (var file in files)
        {
            foreach (var section in file.Sections.Where(s => Sections.Contains(s.Name, StringComparer.Ordinal)))
            {
                foreach (var entry in section.Entries)
                {
                    var origin = $"{file.Path}:{entry.Line} [{section.Name}] {entry.Key}";
                    var key = entry.Key.ToLowerInvariant().Replace('-', '_');
                    if (!Known.Contains(key) || (section.Name is "worker" or "scheduler" && key is not ("retry_count" or "retry_delay")))
                    {
                        continue;
                    }

                    settings.Apply(key, IniFile.Interpolate(entry.Value, getEnvironmentVariable, origin), origin);
                }
            }
        }

        return settings;
    }

    private static readonly string[] Known =
    [
        "workspace_directory", "workspace", "workers", "worker_count", "rerun", "log_level",
        "strict_check", "modification_time_check", "fail_on_empty_dump", "should_lock_run", "redis_host", "redis_port", "retry_count", "retry_delay",
    ];

    /// <summary>
    /// The lock location from redis_host and redis_port, the command line's over the config's; null when neither
    /// is set. One without the other is an error (gokart would silently not lock).
    /// </summary>
    public string? LockLocation(ParsedArguments parsed)
    {
        var host = parsed.RedisHost ?? RedisHost;
        var port = parsed.RedisPort ?? RedisPort;
        if (host is null && port is null)
        {
            return null;
        }

        if (host is null || port is null)
        {
            var (given, missing) = host is null
                ? (parsed.RedisPort is null ? RedisPortOrigin! : "--redis-port", "redis_host")
                : (parsed.RedisHost is null ? RedisHostOrigin! : "--redis-host", "redis_port");
            throw new CommandLineException(
                $"{given} is set but {missing} is not; the Redis lock needs both. Give --{missing.Replace('_', '-')} or set {missing} in the [TaskOnKart] section.");
        }

        var bracketed = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"redis://{bracketed}:{port}");
    }

    private void Apply(string key, string value, string origin)
    {
        switch (key)
        {
            case "workspace_directory" or "workspace":
                Workspace = value.Length > 0 ? value : throw new CommandLineException($"{origin}: the workspace is empty; give a folder.");
                break;
            case "workers" or "worker_count":
                Workers = ArgumentParser.ParseWorkers(value, origin);
                break;
            case "rerun":
                Rerun = ArgumentParser.ParseBool(origin, value);
                break;
            case "log_level":
                LogLevel = ArgumentParser.ParseLogLevel(value, origin);
                break;
            case "strict_check":
                StrictCheck = ArgumentParser.ParseBool(origin, value);
                break;
            case "modification_time_check":
                ModificationTimeCheck = ArgumentParser.ParseBool(origin, value);
                break;
            case "fail_on_empty_dump":
                FailOnEmptyDump = ArgumentParser.ParseBool(origin, value);
                break;
            case "should_lock_run":
                ShouldLockRun = ArgumentParser.ParseBool(origin, value);
                break;
            case "redis_host":
                // gokart's OptionalParameter: an empty value means None.
                RedisHost = value.Trim().Length == 0 ? null : ArgumentParser.ParseHost(value, origin);
                RedisHostOrigin = origin;
                break;
            case "redis_port":
                RedisPort = value.Trim().Length == 0 ? null : ArgumentParser.ParsePort(value.Trim(), origin);
                RedisPortOrigin = origin;
                break;
            case "retry_count":
                RetryCount = ArgumentParser.ParseRetryCount(value, origin);
                break;
            case "retry_delay":
                RetryDelay = ArgumentParser.ParseRetryDelay(value, origin);
                break;
        }
    }
}
