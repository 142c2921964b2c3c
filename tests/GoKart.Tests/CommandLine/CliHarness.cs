using GoKart.CommandLine;

namespace GoKart.Tests.CommandLine;

/// <summary>Runs <see cref="Kart.RunAsync"/> in-process in a temporary working directory.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Directory = Path.Combine(Path.GetTempPath(), "gokart-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Workspace => Path.Combine(Directory, "resources");

    public Dictionary<string, string> Environment { get; } = [];

    public void WriteFile(string name, string text) => File.WriteAllText(Path.Combine(Directory, name), text);

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(null, CancellationToken.None, args);

    public async Task<CliResult> RunAsync(BuildOptions? buildOptions, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var options = new CommandLineOptions
        {
            Assemblies = [typeof(CliHarness).Assembly],
            Output = output,
            Error = error,
            WorkingDirectory = Directory,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            InteractiveProgress = false,
            ProgramName = "test",
            BuildOptions = buildOptions,
        };
        var code = await Kart.RunAsync(args, options, cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public IReadOnlyList<string> WorkspaceFiles() =>
        System.IO.Directory.Exists(Workspace)
            ? [.. System.IO.Directory.GetFiles(Workspace, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Workspace, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];

    public string ReadOutput(string className) =>
        File.ReadAllText(System.IO.Directory.GetFiles(Path.Combine(Workspace, "GoKart/Tests/CommandLine"), className + "_*.json").Single());

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
