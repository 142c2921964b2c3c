using GoKart.CommandLine;
using GoKart.Tests.Support;

namespace GoKart.Tests.CommandLine;

/// <summary><c>--executor NAME</c>: providers, their config sections, the dry run.</summary>
public sealed class ExecutorOptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_UnknownExecutor_IsAUsageErrorNamingIt()
    {
        var code = await RunAsync([], "CliEcho", "--text=x", "--executor", "nope");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("Unknown executor 'nope'", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("GoKart.Nope", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public async Task Run_Executor_GetsItsSectionsAndRunsTheBuild()
    {
        File.WriteAllText(_dir.Combine("run.ini"), "[fake]\npartition = ${PART}\n[fake.CliEcho]\ncpus = 2\n[core]\nworkers = 1\n");
        var provider = new FakeProvider();

        var code = await RunAsync([provider], "CliEcho", "--text=x", "--executor", "FAKE", "--config", "run.ini");

        Assert.Equal(ExitCodes.Success, code);
        var configuration = provider.Configuration!;
        Assert.False(configuration.DryRun);
        Assert.Equal(["", "CliEcho"], configuration.Sections.Keys.Order());
        var partition = Assert.Single(configuration.Sections[""]);
        Assert.Equal(("partition", "gpu"), (partition.Key, partition.Value));
        Assert.Contains("run.ini:2 [fake] partition", partition.Origin, StringComparison.Ordinal);
        Assert.Equal("2", Assert.Single(configuration.Sections["CliEcho"]).Value);
        Assert.Equal(1, provider.Executor!.Runs);
        Assert.Contains(_dir.Files(), f => f.EndsWith(".json", StringComparison.Ordinal) && f.Contains("CliEcho_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ExecutorWithDryRun_LetsTheExecutorPrintAndBuildsNothing()
    {
        var provider = new FakeProvider();

        var code = await RunAsync([provider], "CliEcho", "--text=x", "--executor", "fake", "--dry-run");

        Assert.Equal(ExitCodes.Success, code);
        Assert.True(provider.Configuration!.DryRun);
        Assert.Contains("would submit CliEcho[", _output.ToString(), StringComparison.Ordinal);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public async Task Run_ExecutorRefusesTheWorkspace_IsAUsageErrorWithoutAStackTrace()
    {
        var provider = new FakeProvider { Refusal = new GoKartConfigurationException("The workspace 'x' is not shared with the cluster.") };

        var code = await RunAsync([provider], "CliEcho", "--text=x", "--executor", "fake");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Equal("error: The workspace 'x' is not shared with the cluster.", _error.ToString().Trim());
    }

    [Fact]
    public async Task Run_ExecutorFailsWithItsOwnGoKartException_PrintsItsMessageWithoutAStackTrace()
    {
        var provider = new FakeProvider { Refusal = new GoKartException("'sbatch' failed (exit 1): invalid partition") };

        var code = await RunAsync([provider], "CliEcho", "--text=x", "--executor", "fake");

        Assert.Equal(ExitCodes.UnhandledError, code);
        Assert.Equal("error: 'sbatch' failed (exit 1): invalid partition", _error.ToString().Trim());
    }

    private async Task<int> RunAsync(IReadOnlyList<ITaskExecutorProvider> providers, params string[] args)
    {
        var environment = new Dictionary<string, string> { ["PART"] = "gpu" };
        return await Kart.RunAsync(args, new CommandLineOptions
        {
            Assemblies = [typeof(ExecutorOptionTests).Assembly],
            ExecutorProviders = providers,
            Output = _output,
            Error = _error,
            WorkingDirectory = _dir.Path,
            GetEnvironmentVariable = name => environment.GetValueOrDefault(name),
            InteractiveProgress = false,
            ProgramName = "test",
            BuildOptions = new BuildOptions { Workspace = _dir.Path },
        });
    }

    private sealed class FakeProvider : ITaskExecutorProvider
    {
        public string Name => "fake";

        public ExecutorConfiguration? Configuration { get; private set; }

        public FakeExecutor? Executor { get; private set; }

        public GoKartException? Refusal { get; init; }

        public ITaskExecutor Create(ExecutorConfiguration configuration)
        {
            Configuration = configuration;
            return Executor = new FakeExecutor(configuration, Refusal);
        }
    }

    private sealed class FakeExecutor(ExecutorConfiguration configuration, GoKartException? refusal) : ITaskExecutor
    {
        public int Runs { get; private set; }

        public async Task ExecuteAsync(ExecutionPlan plan, CancellationToken cancellationToken)
        {
            Runs++;
            if (refusal is not null)
            {
                throw refusal;
            }

            if (configuration.DryRun)
            {
                foreach (var task in plan.Tasks)
                {
                    await configuration.Output.WriteLineAsync($"would submit {task.Label}");
                }

                return;
            }

            await plan.RunAllHereAsync(cancellationToken);
        }
    }
}
