using GoKart.CommandLine;

namespace GoKart;

/// <summary>The command line: luigi's <c>gokart.run()</c>.</summary>
public static partial class Kart
{
    /// <summary>
    /// Runs the task named by the arguments, luigi-style, and returns the exit code (<see cref="ExitCodes"/>):
    /// <c>SampleTask --param=hello --workers 4</c>. Tasks are the task classes of the entry assembly and of
    /// <see cref="CommandLineOptions.Assemblies"/>. See <c>--help</c> and docs/command-line.md.
    /// </summary>
    /// <example>
    /// <code>
    /// // Program.cs
    /// return Kart.Run(args);
    /// // dotnet run -- SampleTask --param=hello
    /// </code>
    /// </example>
    public static int Run(string[] args, CommandLineOptions? options = null) =>
        RunAsync(args, options, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Run"/>; cancelling stops the build (exit code 130).</summary>
    public static Task<int> RunAsync(string[] args, CommandLineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new CommandLineRunner(options ?? new CommandLineOptions()).RunAsync(args, cancellationToken);
    }
}
