using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using GoKart.Experiments.Recording;

namespace GoKart.Experiments;

/// <summary>
/// Records one run of a command-line program as a folder <c>experiments/&lt;id&gt;/</c>: its arguments, the git
/// commit, start and end time, everything written to the console, a STATUS and a summary.
/// </summary>
/// <remarks>
/// Recording starts in the constructor and ends at <see cref="Dispose"/>, at process exit (also after
/// <see cref="Environment.Exit(int)"/>), or at an unhandled exception. A non-zero exit code or an unhandled
/// exception leaves STATUS as ERROR.
/// </remarks>
/// <example>
/// <code>
/// var batchSize = new Option&lt;int&gt;("--batch-size") { DefaultValueFactory = _ =&gt; 64 };
/// var root = new RootCommand { batchSize };
/// Experiment.AddOptions(root);
/// var parsed = root.Parse(args);
/// using var experiment = Experiment.FromParseResult(parsed);
/// experiment.Summary(new() { ["loss"] = 0.12, ["accuracy"] = 0.97 });
/// using var model = experiment.Open("model.bin", FileMode.Create);
/// </code>
/// </example>
public sealed partial class Experiment : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ConsoleCapture? _capture;
    private readonly ExceptionWatch? _watch;
    private Exception? _candidate;
    private JsonObject? _metadata;
    private string? _status;
    private bool _finished;

    /// <summary>Starts recording an experiment for a program that does not use System.CommandLine.</summary>
    /// <param name="options">Where and how to record.</param>
    /// <param name="args">The program's own arguments (name to value), stored as <c>args.json</c>.</param>
    /// <param name="defaultArgs">The values the program uses when given no arguments, stored as <c>default_args.json</c>.</param>
    /// <exception cref="DirtyRepoException">Tracked files have uncommitted changes and <see cref="ExperimentOptions.AllowDirty"/> is false.</exception>
    /// <exception cref="MismatchedArgsException">An existing id is resumed with other arguments.</exception>
    /// <exception cref="MismatchedCommitException">An existing id is resumed at another commit.</exception>
    /// <exception cref="ExperimentException">The project is not in a git repository, or the folder cannot be created.</exception>
    public Experiment(ExperimentOptions options, IReadOnlyDictionary<string, object?> args, IReadOnlyDictionary<string, object?>? defaultArgs = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(args);
        _time = options.TimeProvider;
        Args = args;
        IsRecording = !options.NoRecord;
        if (!IsRecording)
        {
            // Created only if the program opens a file; deleted when the experiment ends, so nothing is left behind.
            Directory = Path.Combine(Path.GetTempPath(), "gokart-norecord-" + Guid.NewGuid().ToString("N"));
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            return;
        }

        var projectDirectory = Path.GetFullPath(options.ProjectDirectory ?? Environment.CurrentDirectory);
        var repository = GitRepository.Open(projectDirectory);
        var code = new CodeState(repository.HeadSha(), repository.HeadMessage(), repository.HasTrackedChanges());
        if (code.Dirty && !options.AllowDirty)
        {
            throw new DirtyRepoException(
                $"The git repository at '{repository.Root}' has uncommitted changes to tracked files. " +
                "Commit them so the experiment can be reproduced, or pass --allow-dirty to record the diff as uncommitted.patch.");
        }

        var experimentsDirectory = Path.GetFullPath(Path.Combine(projectDirectory, options.ExperimentsDirectory ?? "experiments"));
        System.IO.Directory.CreateDirectory(experimentsDirectory);
        var argsJson = JsonValues.ToObject(args);
        var start = _time.GetLocalNow();
        var command = options.CommandLine ?? Environment.GetCommandLineArgs();

        (Id, Directory, _metadata) = options.ExperimentId is { } id
            ? OpenGivenId(experimentsDirectory, id, argsJson, code, start, command, options.Description, projectDirectory)
            : CreateNew(experimentsDirectory, code, start, command, options.Description, projectDirectory);

        JsonValues.Write(FilePath(ExperimentFiles.Args), argsJson);
        JsonValues.Write(FilePath(ExperimentFiles.DefaultArgs), JsonValues.ToObject(defaultArgs ?? new Dictionary<string, object?>()));
        JsonValues.Write(FilePath(ExperimentFiles.Metadata), _metadata);
        if (code.Dirty)
        {
            File.WriteAllText(FilePath(ExperimentFiles.Patch), repository.DiffAgainstHead());
        }

        WriteStatus(ExperimentStatus.Running, null);
        if (!repository.IsIgnored(experimentsDirectory))
        {
            Console.Error.WriteLine(
                $"hint: the experiments folder '{experimentsDirectory}' is not ignored by git; " +
                $"add '{Path.GetRelativePath(repository.Root, experimentsDirectory).Replace('\\', '/')}/' to .gitignore.");
        }

        if (options.CaptureConsole)
        {
            _capture = new ConsoleCapture(FilePath(ExperimentFiles.Stdout), FilePath(ExperimentFiles.Stderr));
        }
        else
        {
            File.AppendAllText(FilePath(ExperimentFiles.Stdout), "");
            File.AppendAllText(FilePath(ExperimentFiles.Stderr), "");
        }

        _watch = new ExceptionWatch();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
    }

    /// <summary>The experiment id (the folder name); null when not recording.</summary>
    public string? Id { get; }

    /// <summary>
    /// The experiment folder; with --norecord a temporary folder that <see cref="Open(string, FileMode)"/> creates
    /// and that is deleted, with what was written there, when the experiment ends.
    /// </summary>
    public string Directory { get; }

    /// <summary>False when started with --norecord: nothing is written and the console is not captured.</summary>
    public bool IsRecording { get; }

    /// <summary>The program's own arguments, as recorded in <c>args.json</c>.</summary>
    public IReadOnlyDictionary<string, object?> Args { get; }

    /// <summary>Merges <paramref name="values"/> into <c>summary.json</c> (later calls overwrite keys, keep the others).</summary>
    /// <param name="values">Metric name to value; numbers stay numbers so listings can sort, filter and average them.</param>
    public void Summary(Dictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!IsRecording)
        {
            return;
        }

        lock (_gate)
        {
            var path = FilePath(ExperimentFiles.Summary);
            var summary = JsonValues.ReadObject(path);
            foreach (var (key, value) in values)
            {
                summary[key] = JsonValues.ToNode(value);
            }

            JsonValues.Write(path, summary);
        }
    }

    /// <summary>Opens a file inside the experiment folder, creating parent folders when <paramref name="mode"/> may create.</summary>
    /// <param name="path">A path relative to the experiment folder; paths leading outside it are rejected.</param>
    /// <param name="mode">How to open; <see cref="FileMode.Open"/> reads, <see cref="FileMode.Append"/> writes, others read and write.</param>
    public FileStream Open(string path, FileMode mode)
        => Open(path, mode, mode switch { FileMode.Open => FileAccess.Read, FileMode.Append => FileAccess.Write, _ => FileAccess.ReadWrite });

    /// <summary>Opens a file inside the experiment folder with the given access.</summary>
    /// <param name="path">A path relative to the experiment folder; paths leading outside it are rejected.</param>
    /// <param name="mode">How to open or create the file.</param>
    /// <param name="access">Read, write or both.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is rooted or escapes the experiment folder.</exception>
    public FileStream Open(string path, FileMode mode, FileAccess access)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var root = Path.GetFullPath(Directory);
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (Path.IsPathRooted(path) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' is outside the experiment folder '{root}'; give a path relative to it.", nameof(path));
        }

        if (mode != FileMode.Open && mode != FileMode.Truncate)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        }

        return new FileStream(full, mode, access);
    }

    /// <summary>Ends the experiment as ERROR with <paramref name="exception"/> (for programs that catch their own exceptions).</summary>
    public void Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Finish(ExperimentStatus.Error, exception.ToString());
    }

    /// <summary>
    /// Ends the experiment: STATUS becomes SUCCESS (unless it already failed, or an exception is leaving the
    /// <c>using</c> block: then ERROR with that exception), end time is written, the console is restored.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // Reads its caller's frame.
    public void Dispose()
    {
        var (escaping, candidate) = _watch?.Inspect(new StackTrace(1, false)) ?? default;
        if (escaping is not null)
        {
            Finish(ExperimentStatus.Error, escaping.ToString());
        }
        else
        {
            lock (_gate)
            {
                _candidate = candidate;
            }

            Finish(ExperimentStatus.Success, null);
        }

        // Still subscribed: an async Main disposes before its exception becomes unhandled, and the crash decides.
        DeleteTemporaryDirectory();
    }

    private string FilePath(string name) => Path.Combine(Directory, name);
}
