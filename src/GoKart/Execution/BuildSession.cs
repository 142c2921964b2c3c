using GoKart.Formats;
using GoKart.Locking;
using GoKart.Logging;
using GoKart.Storage;
using Microsoft.Extensions.Logging;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>The resolved options of one build: store, formats, locks, loggers, clock.</summary>
internal sealed class BuildSession : IAsyncDisposable
{
    private readonly ITaskLock? _ownedLock;

    private readonly Lazy<byte[]> _moduleVersions = new(() => System.Text.Encoding.UTF8.GetBytes(ModuleVersions.Describe()));

    public BuildSession(BuildOptions options)
    {
        Options = options;
        if (options.Workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Workers, "BuildOptions.Workers must be at least 1.");
        }

        if (options.Lock is not null && options.LockLocation is not null)
        {
            throw new GoKartConfigurationException(
                $"Both a lock (BuildOptions.Lock, {options.Lock.GetType().Name}) and a lock location ('{options.LockLocation}', from redis_host/redis_port "
                + "or BuildOptions.LockLocation) are given; keep one.");
        }

        if (options.Lock is null && options.LockLocation is null && options.ShouldLockRun)
        {
            throw new GoKartConfigurationException(NoLockMessage("should_lock_run is set"));
        }

        Store = options.Store ?? WorkspaceLocation.Open(options.Workspace, options.StoreProviders);
        if (options.LockLocation is { } location)
        {
            _ownedLock = TaskLockLocation.Open(location, options.LockProviders);
        }

        Lock = options.Lock ?? _ownedLock;
        Formats = options.Formats ?? FormatRegistry.CreateDefault();
        Time = options.TimeProvider;
        LoggerFactory = options.LoggerFactory ?? new PlainLoggerFactory(options.LogLevel, Time);
        Logger = LoggerFactory.CreateLogger("GoKart");
        LogWriter = new LogWriter(Logger);
    }

    public LogWriter LogWriter { get; }

    public BuildOptions Options { get; }

    public IWorkspaceStore Store { get; }

    public FormatRegistry Formats { get; }

    public ITaskLock? Lock { get; }

    public TimeProvider Time { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ILogger Logger { get; }

    /// <summary>The module_versions log, the same for every task of the build.</summary>
    public ReadOnlyMemory<byte> ModuleVersionsUtf8 => _moduleVersions.Value;

    public bool StrictCheck(TaskOnKart task) => Options.StrictCheck || task.Descriptor.Options.StrictCheck;

    public bool ModificationTimeCheck(TaskOnKart task) => Options.ModificationTimeCheck || task.Descriptor.Options.ModificationTimeCheck;

    public bool FailOnEmptyDump(TaskOnKart task) => Options.FailOnEmptyDump || task.Descriptor.Options.FailOnEmptyDump;

    public bool ShouldLockRun(TaskOnKart task) => Options.ShouldLockRun || task.Descriptor.Options.ShouldLockRun;

    public FormatContext FormatContext(Target target) => new(Store.Describe(target.Path), target, Formats);

    /// <summary>Why a build that asks for run locks cannot have them, and how to give one.</summary>
    public static string NoLockMessage(string who) =>
        $"{who} but no lock is configured, so tasks could run twice at once (gokart refuses too). Set redis_host and redis_port "
        + "in the [TaskOnKart] section of a config file or give --redis-host and --redis-port (with RedisTaskLockProvider from GoKart.Redis "
        + "in BuildOptions.LockProviders), or set BuildOptions.Lock or BuildOptions.LockLocation.";

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
    public async ValueTask DisposeAsync()
    {
        if (_ownedLock is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }
}
