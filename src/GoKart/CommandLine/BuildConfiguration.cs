using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GoKart.CommandLine;

/// <summary>
/// Config files for <see cref="Kart.Build{T}"/>, as <c>gokart.build</c> reads luigi's configuration: settings fill
/// the <see cref="BuildOptions"/> fields left at their defaults, task sections fill parameters left at theirs.
/// The command line reads config files itself and turns this off.
/// </summary>
internal static class BuildConfiguration
{
    public static BuildOptions Apply(BuildOptions options, TaskOnKart root)
    {
        if (!options.ReadConfigFiles || options.PrepareTask is not null)
        {
            return options;
        }

        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        return ConfigFiles.NoneToRead(options.ConfigFiles, environment) ? options : ApplyFiles(options, root, environment);
    }

    // Apart from Apply: a precompiled method's types are loaded when it is first entered, and a fresh process's first
    // build or load, which nearly always has no config file, would load the config readers' types for nothing (issue 18).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static BuildOptions ApplyFiles(BuildOptions options, TaskOnKart root, Func<string, string?> environment)
    {
        try
        {
            var files = ConfigFiles.Load(options.ConfigFiles, Environment.CurrentDirectory, environment);
            if (files.Count == 0)
            {
                return options;
            }

            var settings = BuildSettings.Read(files, environment);
            var tasks = new TaskConfigurator(new TaskCatalog(TaskAssemblies(root)), files, environment);
            tasks.ValidateConfiguration();
            return Merge(options, settings, settings.LockLocation(new ParsedArguments()), tasks.Prepare);
        }
        catch (CommandLineException e)
        {
            throw new GoKartConfigurationException(e.Message, e);
        }
    }

    /// <summary>Where task sections are looked up: the root's assembly, the program's, and every loaded one that references GoKart.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A reference the trimmer removed is to an assembly the program does "
        + "not use, which therefore has no task classes to configure.")]
    private static IEnumerable<Assembly> TaskAssemblies(TaskOnKart root)
    {
        var core = typeof(TaskOnKart).Assembly.GetName().Name;
        yield return root.GetType().Assembly;
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            yield return entry;
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && assembly.GetReferencedAssemblies().Any(r => r.Name == core))
            {
                yield return assembly;
            }
        }
    }

    private static BuildOptions Merge(BuildOptions b, BuildSettings settings, string? lockLocation, Action<TaskOnKart> prepare)
    {
        var defaults = new BuildOptions();
        return new BuildOptions
        {
            Workspace = b.Workspace == defaults.Workspace ? settings.Workspace ?? b.Workspace : b.Workspace,
            Store = b.Store,
            StoreProviders = b.StoreProviders,
            Workers = b.Workers == defaults.Workers ? settings.Workers ?? b.Workers : b.Workers,
            Rerun = b.Rerun || settings.Rerun == true,
            RerunAll = b.RerunAll,
            StrictCheck = b.StrictCheck || settings.StrictCheck == true,
            ModificationTimeCheck = b.ModificationTimeCheck || settings.ModificationTimeCheck == true,
            FailOnEmptyDump = b.FailOnEmptyDump || settings.FailOnEmptyDump == true,
            RetryCount = b.RetryCount == defaults.RetryCount ? settings.RetryCount ?? b.RetryCount : b.RetryCount,
            RetryDelay = b.RetryDelay == defaults.RetryDelay ? settings.RetryDelay ?? b.RetryDelay : b.RetryDelay,
            ShouldLockRun = b.ShouldLockRun || settings.ShouldLockRun == true,
            Lock = b.Lock,

            // A lock given in code is explicit; the config's redis settings only fill a build that has none.
            LockLocation = b.LockLocation ?? (b.Lock is null ? lockLocation : null),
            LockProviders = b.LockProviders,
            Formats = b.Formats,
            LogLevel = b.LogLevel == defaults.LogLevel ? settings.LogLevel ?? b.LogLevel : b.LogLevel,
            LoggerFactory = b.LoggerFactory,
            Observers = b.Observers,
            Journal = b.Journal,
            JournalBuildId = b.JournalBuildId,
            Progress = b.Progress,
            TimeProvider = b.TimeProvider,
            Executor = b.Executor,
            ReadConfigFiles = false,
            PrepareTask = prepare,
        };
    }
}
