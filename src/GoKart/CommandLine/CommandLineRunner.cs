using System.Reflection;
using GoKart.Descriptors;
using GoKart.Logging;

namespace GoKart.CommandLine;

/// <summary>
/// <see cref="Kart.Run(string[], CommandLineOptions?)"/>: parses, validates everything (arguments, config files,
/// values) before anything touches the workspace, then shows help, the tree or a dry run, or builds and
/// prints luigi's execution summary.
/// </summary>
internal sealed class CommandLineRunner(CommandLineOptions options)
{
    private readonly TextWriter _output = options.Output ?? Console.Out;
    private readonly TextWriter _error = options.Error ?? Console.Error;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(args, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CommandLineException or GoKartConfigurationException)
        {
            await _error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _error.WriteLineAsync("CANCELLED :( Unfinished outputs were discarded; finished ones are kept for the next run.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (TaskDefinitionException e)
        {
            await _error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.UnhandledError;
        }
        catch (GoKartException e)
        {
            // A problem a GoKart package detected and explained itself (e.g. Slurm refused a job): its message says
            // what to do, a stack trace would only bury it.
            await _error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.UnhandledError;
        }
        catch (Exception e)
        {
            await _error.WriteLineAsync($"error: unexpected {e.GetType().Name}: {e.Message}{Environment.NewLine}{e}").ConfigureAwait(false);
            return ExitCodes.UnhandledError;
        }
    }

    private async Task<int> RunCoreAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = ArgumentParser.Parse(args);
        var entry = Assembly.GetEntryAssembly();
        var catalog = new TaskCatalog(options.Assemblies.Concat(entry is null ? [] : [entry]));
        var program = options.ProgramName ?? entry?.GetName().Name ?? "gokart";
        if (parsed.TaskName is null)
        {
            if (parsed.Help)
            {
                await _output.WriteAsync(HelpWriter.All(catalog, program)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            throw new CommandLineException($"No task given. Usage: {program} <Task> [--<parameter>=<value> ...]; run with --help to list the tasks.");
        }

        var type = catalog.Resolve(parsed.TaskName);
        if (parsed.Help)
        {
            await _output.WriteAsync(HelpWriter.One(catalog, type, program)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var workingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory;
        var getEnvironmentVariable = options.GetEnvironmentVariable;
        var files = ConfigFiles.Load(parsed.ConfigFiles, workingDirectory, getEnvironmentVariable);
        var settings = BuildSettings.Read(files, getEnvironmentVariable);
        var slack = SlackSettings.Read(files, getEnvironmentVariable);
        var tasks = new TaskConfigurator(catalog, files, getEnvironmentVariable);
        var name = catalog.DisplayName(type);
        var rootValues = ParameterBinder.Bind(parsed, type, catalog, tasks, program);
        tasks.ValidateConfiguration();
        var root = tasks.Create(type, rootValues, p => $"Give --{p.KebabName}=<{TypeText.Of(p.Type)}>, or set '{p.SnakeName}' in a [{name}] section of a config file.");

        var interactive = parsed.Progress != false
            && (options.InteractiveProgress ?? (options.Error is null && !Console.IsErrorRedirected
                && string.IsNullOrEmpty(getEnvironmentVariable("CI")) && getEnvironmentVariable("TERM") != "dumb"));
        var baseOptions = options.BuildOptions ?? new BuildOptions();
        using var display = new ProgressDisplay(_error, interactive, baseOptions.TimeProvider);
        var executor = parsed.Executor is { } executorName
            ? ExecutorResolver.Create(executorName, options.ExecutorProviders, files, parsed.DryRun, _output, getEnvironmentVariable)
            : null;
        var buildOptions = BuildOptionsFrom(baseOptions, parsed, settings, workingDirectory, tasks.Prepare, display, executor);
        if (parsed.Tree || parsed.TreeDetails)
        {
            var tree = await Kart.TreeInfoAsync(root, buildOptions, parsed.TreeDetails, cancellationToken).ConfigureAwait(false);
            await _output.WriteLineAsync(tree).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (parsed.TreeInfoOutput is { } infoPath)
        {
            await TreeInfoOutput.WriteAsync(root, buildOptions, Path.Combine(workingDirectory, infoPath), parsed.TreeInfoDetails, cancellationToken).ConfigureAwait(false);
            await _output.WriteLineAsync($"Task info written to {infoPath}").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (parsed.DryRun && executor is not null)
        {
            // The executor prints what it would submit and runs nothing.
            await Kart.ExecuteAsync(root, buildOptions, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (parsed.DryRun)
        {
            var planned = await Kart.DryRunAsync(root, buildOptions, cancellationToken).ConfigureAwait(false);
            await _output.WriteAsync(DryRunText(planned, tasks)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (buildOptions.Journal)
        {
            await _output.WriteLineAsync($"Live view: gokart ui {buildOptions.Workspace}  (build {buildOptions.JournalBuildId})").ConfigureAwait(false);
        }

        using var cancelOnCtrlC = CancelOnCtrlC(cancellationToken, out var token);
        BuildReport report;
        try
        {
            report = await Kart.ExecuteAsync(root, buildOptions, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            display.Dispose();
            await _error.WriteLineAsync("CANCELLED :( Unfinished outputs were discarded; finished ones are kept for the next run.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }

        display.Dispose();
        var descriptions = tasks.Seen.Where(t => t.CachedUniqueId is not null).GroupBy(t => t.CachedUniqueId!)
            .ToDictionary(g => g.Key, g => g.First().ToString(), StringComparer.Ordinal);
        var instances = tasks.Seen.Where(t => t.CachedUniqueId is not null).GroupBy(t => t.CachedUniqueId!)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        await _output.WriteAsync(ExecutionSummary.Format(report, descriptions, instances)).ConfigureAwait(false);
        await _output.WriteLineAsync(ExecutionSummary.FinalLine(report, $"{root.Descriptor.ClassName}[{root.CachedUniqueId}]")).ConfigureAwait(false);
        await SlackStep.SendAsync(slack, root, report, buildOptions, cancellationToken).ConfigureAwait(false);
        return ExecutionSummary.ExitCode(report);
    }

    private static BuildOptions BuildOptionsFrom(
        BuildOptions b, ParsedArguments parsed, BuildSettings settings, string workingDirectory, Action<TaskOnKart> prepare, ProgressDisplay display, ITaskExecutor? executor)
    {
        var logLevel = parsed.LogLevel ?? settings.LogLevel ?? b.LogLevel;
        Action<BuildProgress> progress = display.Report;
        var workspace = parsed.Workspace ?? settings.Workspace ?? b.Workspace;

        // A dry run builds nothing, so there is nothing to follow live.
        var journal = (parsed.Ui || b.Journal) && !parsed.DryRun;
        if (!workspace.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(workspace) && workingDirectory != Environment.CurrentDirectory)
        {
            workspace = Path.Combine(workingDirectory, workspace);
        }

        return new BuildOptions
        {
            Workspace = workspace,
            Store = b.Store,
            StoreProviders = b.StoreProviders,
            Workers = parsed.Workers ?? settings.Workers ?? b.Workers,
            Rerun = parsed.Rerun || (settings.Rerun ?? b.Rerun),
            RerunAll = b.RerunAll,
            StrictCheck = settings.StrictCheck ?? b.StrictCheck,
            ModificationTimeCheck = settings.ModificationTimeCheck ?? b.ModificationTimeCheck,
            FailOnEmptyDump = settings.FailOnEmptyDump ?? b.FailOnEmptyDump,
            ShouldLockRun = settings.ShouldLockRun ?? b.ShouldLockRun,
            RetryCount = parsed.RetryCount ?? settings.RetryCount ?? b.RetryCount,
            RetryDelay = parsed.RetryDelay ?? settings.RetryDelay ?? b.RetryDelay,
            Observers = b.Observers,
            Journal = journal,
            JournalBuildId = journal ? b.JournalBuildId ?? Execution.Journal.BuildJournalId.New(b.TimeProvider) : null,
            Lock = b.Lock,
            LockLocation = settings.LockLocation(parsed) ?? b.LockLocation,
            LockProviders = b.LockProviders,
            Formats = b.Formats,
            LogLevel = logLevel,
            LoggerFactory = b.LoggerFactory ?? new PlainLoggerFactory(logLevel, b.TimeProvider, display.WriteLine),
            Progress = b.Progress is { } own ? p => { own(p); progress(p); } : progress,
            TimeProvider = b.TimeProvider,
            Executor = executor ?? b.Executor,
            ReadConfigFiles = false,
            PrepareTask = prepare,
        };
    }

    private static string DryRunText(IReadOnlyList<PlannedTask> planned, TaskConfigurator tasks)
    {
        var total = tasks.Seen.Select(t => t.CachedUniqueId).Distinct().Count();
        var run = planned.Where(p => !p.MissingExternalData).ToList();
        var missing = planned.Where(p => p.MissingExternalData).ToList();
        var lines = new List<string> { $"Dry run: {run.Count} of {total} task(s) would run:" };
        lines.AddRange(run.Select(p => $"  {p.Label} {p.Description} -> {p.Output}"));
        if (missing.Count > 0)
        {
            lines.Add($"{missing.Count} external input(s) are missing; the build would stop there:");
            lines.AddRange(missing.Select(p => $"  {p.Label} expects {p.Output}"));
        }

        return string.Join('\n', lines) + "\n";
    }

    private static Unsubscribe CancelOnCtrlC(CancellationToken outer, out CancellationToken token)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            e.Cancel = true;
            source.Cancel();
        };
        Console.CancelKeyPress += handler;
        token = source.Token;
        return new Unsubscribe(() =>
        {
            Console.CancelKeyPress -= handler;
            source.Dispose();
        });
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
