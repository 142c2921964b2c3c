namespace GoKart.Slurm.Tests;

/// <summary>The dry run: the sbatch commands with resources from defaults, attributes and per-class settings; no cluster needed.</summary>
public sealed class DryRunTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("gokart-slurm-dry-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public async Task DryRun_PrintsOneSbatchPerJob_WithResourcesAndAfterokPlaceholders_AndSubmitsNothing()
    {
        var output = new StringWriter();
        var options = new SlurmOptions
        {
            DryRun = true,
            SharedWorkspace = true,
            Output = output,
            Command = ["/opt/prog", "Top", "--flag=a b"],
            Defaults = new SlurmResources { Partition = "cpu", Time = "30" },
            Tasks = new Dictionary<string, SlurmResources> { ["Top"] = new() { Memory = "8G", Time = "60" } },
        };

        var report = await Kart.ExecuteAsync(new Top(), new BuildOptions { Workspace = _workspace, Executor = new SlurmExecutor(options) });

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var commands = lines.Where(l => l.StartsWith("sbatch ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, commands.Count);
        var gpu = commands[0];
        var top = commands[1];
        var gpuId = new OnGpu().UniqueId;
        Assert.Contains("--partition=gpu", gpu, StringComparison.Ordinal); // the attribute over [slurm]
        Assert.Contains("--gpus=2", gpu, StringComparison.Ordinal);
        Assert.Contains("--time=30", gpu, StringComparison.Ordinal);
        Assert.DoesNotContain("--dependency", gpu, StringComparison.Ordinal);
        Assert.Contains("--partition=cpu --time=60 --mem=8G", top, StringComparison.Ordinal);
        Assert.Contains($"--dependency=afterok:<{gpuId}>", top, StringComparison.Ordinal);
        // The argument is quoted for the job's shell, and the whole --wrap again for the printed line.
        Assert.Contains(@"exec /opt/prog Top '\''--flag=a b'\''", top, StringComparison.Ordinal);
        Assert.Contains($"--output={Path.Combine(_workspace, "log", "slurm", "OnGpu_" + gpuId)}-%j.out", gpu, StringComparison.Ordinal);
        Assert.All(report.Tasks, t => Assert.Equal(TaskRunStatus.Cancelled, t.Status));
        Assert.False(Directory.Exists(Path.Combine(_workspace, "log")));
    }
}

/// <summary>Asks for GPUs.</summary>
[SlurmResources(Partition = "gpu", Gpus = "2")]
public sealed class OnGpu : TaskOnKart<int>
{
    protected override int Run() => 1;
}

/// <summary>Needs <see cref="OnGpu"/>.</summary>
public sealed class Top : TaskOnKart<int>
{
    protected override Dependencies Requires() => new TaskOnKart[] { new OnGpu() };

    protected override int Run() => 2;
}
