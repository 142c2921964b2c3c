using System.Reflection;

namespace GoKart.CommandLine;

/// <summary>How <see cref="Kart.Run(string[], CommandLineOptions?)"/> finds tasks and talks to its environment.</summary>
/// <example>
/// <code>
/// return Kart.Run(args, new CommandLineOptions { Assemblies = [typeof(Features).Assembly] });
/// </code>
/// </example>
public sealed class CommandLineOptions
{
    /// <summary>Assemblies whose tasks can be run, besides the entry assembly.</summary>
    public IReadOnlyList<Assembly> Assemblies { get; init; } = [];

    /// <summary>Executors for <c>--executor NAME</c>, besides those found in <c>GoKart.NAME.dll</c> beside the program.</summary>
    public IReadOnlyList<ITaskExecutorProvider> ExecutorProviders { get; init; } = [];

    /// <summary>Build options to start from (store providers, locks, formats); the command line and config override their fields.</summary>
    public BuildOptions? BuildOptions { get; init; }

    /// <summary>Where help, the tree, the dry run and the execution summary go (default: standard output).</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Where errors and progress go (default: standard error).</summary>
    public TextWriter? Error { get; init; }

    /// <summary>The folder config files and a relative workspace are looked up in (default: the current directory).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Reads environment variables (config interpolation, <c>GOKART_CONFIG_PATH</c>, <c>CI</c>).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Show the live progress line; null decides: on when standard error is a terminal, <c>CI</c> is not set and <c>TERM</c> is not <c>dumb</c>.</summary>
    public bool? InteractiveProgress { get; init; }

    /// <summary>The program name in usage lines (default: the entry assembly's name).</summary>
    public string? ProgramName { get; init; }
}
