using System.Diagnostics;
using System.Reflection;

namespace GoKart.Cli.Process.Tests;

/// <summary>Runs the built sample program (samples/Cli) as a real process in a temporary working directory.</summary>
internal sealed class CliProcess : IDisposable
{
    private static readonly string CliDll = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CliDll").Value!;

    private static readonly string GokartDll = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "GokartDll").Value!;

    public CliProcess()
    {
        Directory = Path.Combine(Path.GetTempPath(), "gokart-cli-process-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public Dictionary<string, string> Environment { get; } = [];

    public void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    public IReadOnlyList<string> Files(string folder = "resources")
    {
        var root = Path.Combine(Directory, folder);
        return System.IO.Directory.Exists(root)
            ? [.. System.IO.Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];
    }

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunDllAsync(CliDll, args);

    /// <summary>Runs the <c>gokart</c> tool (src/GoKart.Cli) in the same folder, with its index cache under the folder's .cache.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunGokartAsync(params string[] args)
    {
        Environment.TryAdd("GOKART_CACHE_DIR", Path.Combine(Directory, ".cache"));
        return RunDllAsync(GokartDll, args);
    }

    /// <summary>Starts the <c>gokart</c> tool without waiting (a server): the caller reads its output, stops it and waits with a timeout.</summary>
    public System.Diagnostics.Process StartGokart(params string[] args)
    {
        Environment.TryAdd("GOKART_CACHE_DIR", Path.Combine(Directory, ".cache"));
        return System.Diagnostics.Process.Start(StartInfo(GokartDll, args))!;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunDllAsync(string dll, string[] args)
    {
        using var process = System.Diagnostics.Process.Start(StartInfo(dll, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await GoKart.Testing.ChildProcess.WaitAsync(process, TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    private ProcessStartInfo StartInfo(string dll, string[] args)
    {
        Assert.True(File.Exists(dll), $"The program is not built at {dll}.");
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("GOKART_CONFIG_PATH");
        start.Environment.Remove("GOKART_WORKSPACE");
        start.Environment["CI"] = "true";
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

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
