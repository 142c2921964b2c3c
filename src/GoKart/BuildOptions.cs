using GoKart.Formats;
using GoKart.Locking;
using GoKart.Storage;
using Microsoft.Extensions.Logging;

namespace GoKart;

/// <summary>How <see cref="Kart.Build{T}"/> runs a pipeline. Every switch defaults to gokart's behaviour.</summary>
/// <example>
/// <code>
/// Kart.Build(task, new BuildOptions { Workspace = "out", Workers = 4, Rerun = true });
/// </code>
/// </example>
public sealed class BuildOptions
{
    /// <summary>
    /// The workspace (default <c>resources</c>, relative to the working directory), or a location such as
    /// <c>s3://bucket/prefix</c> opened by one of <see cref="StoreProviders"/>. Ignored when <see cref="Store"/> is set.
    /// </summary>
    public string Workspace { get; init; } = "resources";

    /// <summary>The store to use instead of opening <see cref="Workspace"/> (S3, in memory, ...).</summary>
    public IWorkspaceStore? Store { get; init; }

    /// <summary>Providers that open non-local workspace locations such as <c>s3://bucket/prefix</c>.</summary>
    public IReadOnlyList<IWorkspaceStoreProvider> StoreProviders { get; init; } = [];

    /// <summary>How many tasks run at once (default: processor count).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Run the root task even when its output exists.</summary>
    public bool Rerun { get; init; }

    /// <summary>Run every task of the graph even when outputs exist.</summary>
    public bool RerunAll { get; init; }

    /// <summary>A task is complete only when its requirements are complete too (all tasks).</summary>
    public bool StrictCheck { get; init; }

    /// <summary>A task is complete only when its outputs are newer than its inputs (all tasks).</summary>
    public bool ModificationTimeCheck { get; init; }

    /// <summary>Fail a task that returns an empty value (all tasks).</summary>
    public bool FailOnEmptyDump { get; init; }

    /// <summary>
    /// luigi's <c>retry_count</c> for every task: how many times a failed run is tried again (default 0). A class's
    /// <see cref="RetryAttribute"/> wins.
    /// </summary>
    public int RetryCount { get; init; }

    /// <summary>How long to wait before each retry (default none). A class's <see cref="RetryAttribute"/> wins.</summary>
    public TimeSpan RetryDelay { get; init; }

    /// <summary>
    /// Take a run lock for every task (gokart's should_lock_run). Needs <see cref="Lock"/> or
    /// <see cref="LockLocation"/>: without either the build fails with <see cref="GoKartConfigurationException"/>.
    /// </summary>
    public bool ShouldLockRun { get; init; }

    /// <summary>Locks shared with other processes; null runs without locks unless <see cref="LockLocation"/> is set.</summary>
    public ITaskLock? Lock { get; init; }

    /// <summary>
    /// Where the shared lock lives, e.g. <c>redis://localhost:6379</c>, opened by one of <see cref="LockProviders"/>
    /// and disposed when the build ends. The command line sets it from gokart's <c>redis_host</c> and <c>redis_port</c>.
    /// Giving both this and <see cref="Lock"/> is a <see cref="GoKartConfigurationException"/>.
    /// </summary>
    public string? LockLocation { get; init; }

    /// <summary>Providers that open <see cref="LockLocation"/>, e.g. <c>new RedisTaskLockProvider()</c> from GoKart.Redis.</summary>
    public IReadOnlyList<ITaskLockProvider> LockProviders { get; init; } = [];

    /// <summary>Formats by extension (default: <see cref="FormatRegistry.CreateDefault"/>).</summary>
    public FormatRegistry? Formats { get; init; }

    /// <summary>The lowest level written to the console logger (default Warning). Task logs always keep Information and above.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Where log messages go; default: a plain logger on standard error.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Build-level event subscribers (luigi's event handlers), called in order; see <see cref="IBuildObserver"/>.</summary>
    public IReadOnlyList<IBuildObserver> Observers { get; init; } = [];

    /// <summary>
    /// Write a live journal of the build to <c>.gokart/builds/&lt;build-id&gt;.jsonl</c> in the workspace (default false;
    /// the command line's <c>--ui</c>): the planned graph, then every task start, success and failure, and how the build
    /// ended, which <c>gokart ui</c> shows as it happens. A local workspace gets each line as it happens; a store
    /// without append (S3) gets the whole file again about once a second and at the end. Workers never wait for it, and
    /// a journal that cannot be written is only a warning. See docs/viewer.md.
    /// </summary>
    public bool Journal { get; init; }

    /// <summary>The journal's build id (the command line makes one to print it first); null makes a new one.</summary>
    internal string? JournalBuildId { get; init; }

    /// <summary>Called on every task start, success and failure (from worker threads).</summary>
    public Action<BuildProgress>? Progress { get; init; }

    /// <summary>The clock for logs and timings.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the scheduled tasks run (default: in this process). See <see cref="ITaskExecutor"/>.</summary>
    public ITaskExecutor? Executor { get; init; }
    /// <summary>
    /// Read config files as <c>gokart.build</c> does (default true): <c>luigi.cfg</c> and <c>gokart.ini</c> in the current
    /// directory, or the files in <c>GOKART_CONFIG_PATH</c>, or <see cref="ConfigFiles"/>. Their <c>[TaskOnKart]</c> and
    /// <c>[core]</c> settings fill the options left at their defaults here, and <c>[TaskName]</c> sections fill the
    /// parameters a task left at their defaults. A bad value is a <see cref="GoKartConfigurationException"/>.
    /// </summary>
    public bool ReadConfigFiles { get; init; } = true;

    /// <summary>Config files to read instead of looking for them (paths relative to the current directory); ignored when <see cref="ReadConfigFiles"/> is false.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary>Called on each task before its parameters are read (the command line applies configured values here).</summary>
    internal Action<TaskOnKart>? PrepareTask { get; init; }
}
