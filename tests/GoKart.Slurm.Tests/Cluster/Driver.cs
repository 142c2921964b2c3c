using System.Diagnostics;
using System.Reflection;

namespace GoKart.Slurm.Tests.Cluster;

/// <summary>The test program (tests/GoKart.Slurm.TestProgram) started as a driver in its own temporary folder.</summary>
internal sealed class Driver : IDisposable
{
    private static readonly string Program = typeof(Driver).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestProgramDll").Value!;

    private readonly SlurmCluster _cluster;

    public Driver(SlurmCluster cluster, string? folder = null)
    {
        _cluster = cluster;
        Folder = folder ?? Directory.CreateTempSubdirectory("gokart-slurm-test-").FullName;
    }

    public string Folder { get; }

    public string Workspace => Path.Combine(Folder, "resources");

    public Dictionary<string, string> Environment { get; } = [];

    public void WriteConfig(string text) => File.WriteAllText(Path.Combine(Folder, "slurm.ini"), text);

    /// <summary>Starts the program with these arguments (stdout and stderr collected).</summary>
    public Running Start(params string[] args)
    {
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SLURM_CONF"] = _cluster.Configuration;
        start.Environment["CI"] = "true";
        start.Environment.Remove("GOKART_CONFIG_PATH");
        start.Environment.Remove("GOKART_SLURM_BATCH");
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return new Running(System.Diagnostics.Process.Start(start)!);
    }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var running = Start(args);
        return await running.WaitAsync();
    }

    /// <summary>Jobs of this folder's builds (their comment names a batch file under it).</summary>
    public async Task<IReadOnlyList<(string Id, string State, string Comment)>> JobsAsync() =>
        [.. (await _cluster.JobsAsync()).Where(j => j.Comment.Contains(Folder, StringComparison.Ordinal))];

    /// <summary>Every file of the workspace, relative, sorted.</summary>
    public IReadOnlyList<string> Files(string under = "") =>
        Directory.Exists(Path.Combine(Workspace, under))
            ? [.. Directory.GetFiles(Path.Combine(Workspace, under), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Workspace, f)).Order(StringComparer.Ordinal)]
            : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();
        private readonly Task<string> _error;

        public Running(Process process)
        {
            _process = process;
            _error = process.StandardError.ReadToEndAsync();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (_output)
                    {
                        _output.Append(e.Data).Append('\n');
                    }
                }
            };
            process.BeginOutputReadLine();
        }

        public Process Process => _process;

        /// <summary>Standard output so far.</summary>
        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>Sends SIGINT (Ctrl+C) to the driver.</summary>
        public void Interrupt()
        {
            using var kill = System.Diagnostics.Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit(10_000);
        }

        public async Task<(int ExitCode, string Output, string Error)> WaitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The driver did not finish in 150 s. Output so far:\n{Output}");
            }

            _process.WaitForExit(); // flushes the asynchronous output reader
            return (_process.ExitCode, Output, await _error);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
