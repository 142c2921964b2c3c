using GoKart.Formats;
using GoKart.Locking;
using GoKart.Logging;
using GoKart.Storage;
using Microsoft.Extensions.Logging;

namespace GoKart.Execution;

/// <summary>The resolved options of one build: store, formats, locks, loggers, clock.</summary>
internal sealed class BuildSession
{
    private readonly Lazy<byte[]> _moduleVersions = new(() => System.Text.Encoding.UTF8.GetBytes(ModuleVersions.Describe()));

    public BuildSession(BuildOptions options)
    {
        Options = options;
        if (options.Workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Workers, "BuildOptions.Workers must be at least 1.");
        }

        Store = options.Store ?? WorkspaceLocation.Open(options.Workspace, options.StoreProviders);
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

    public ITaskLock? Lock => Options.Lock;

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
}
