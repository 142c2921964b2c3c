using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GoKart.Slurm.Tests.Cluster;

/// <summary>
/// A one-node Slurm on loopback for the tests: munged (as user munge, private socket), slurmctld and
/// <c>slurmd -N localhost</c> from a minimal slurm.conf in a temporary folder (no accounting); stopped by PID.
/// Scheduling runs every second so that dependent jobs start quickly.
/// </summary>
public sealed class SlurmCluster : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gokart-slurm-").FullName;
    private readonly List<(string Name, string PidFile)> _daemons = [];

    /// <summary>The slurm.conf path, for SLURM_CONF.</summary>
    public string Configuration => Path.Combine(_directory, "slurm.conf");

    public async Task InitializeAsync()
    {
        var munge = Path.Combine(_directory, "munge");
        Directory.CreateDirectory(munge);
        await RunAsync("chown", ["munge:munge", munge]);
        await RunAsync("chmod", ["755", _directory]);
        await RunAsync("runuser", ["-u", "munge", "--", "/usr/sbin/munged", $"--socket={munge}/munge.socket", $"--pid-file={munge}/munged.pid", $"--log-file={munge}/munged.log", $"--seed-file={munge}/seed", "--force"]);
        _daemons.Add(("munged", Path.Combine(munge, "munged.pid")));

        var (controllerPort, nodePort) = (FreePort(), FreePort());
        foreach (var folder in new[] { "state", "spool" })
        {
            Directory.CreateDirectory(Path.Combine(_directory, folder));
        }

        await File.WriteAllTextAsync(Configuration, $"""
            ClusterName=gokart-test
            SlurmctldHost=localhost
            SlurmctldPort={controllerPort}
            SlurmdPort={nodePort}
            SlurmUser=root
            SlurmdUser=root
            AuthType=auth/munge
            AuthInfo=socket={munge}/munge.socket
            StateSaveLocation={_directory}/state
            SlurmdSpoolDir={_directory}/spool
            SlurmctldPidFile={_directory}/slurmctld.pid
            SlurmdPidFile={_directory}/slurmd.pid
            SlurmctldLogFile={_directory}/slurmctld.log
            SlurmdLogFile={_directory}/slurmd.log
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            SchedulerType=sched/builtin
            SchedulerParameters=sched_interval=1,sched_min_interval=10000
            SelectType=select/cons_tres
            SelectTypeParameters=CR_Core
            ReturnToService=2
            MpiDefault=none
            JobCompType=jobcomp/none
            AccountingStorageType=accounting_storage/none
            MinJobAge=300
            NodeName=localhost CPUs=2 RealMemory=1000 State=UNKNOWN
            PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP

            """);
        await RunAsync("slurmctld", ["-f", Configuration]);
        _daemons.Add(("slurmctld", Path.Combine(_directory, "slurmctld.pid")));
        await RunAsync("slurmd", ["-f", Configuration, "-N", "localhost"]);
        _daemons.Add(("slurmd", Path.Combine(_directory, "slurmd.pid")));
        await WaitUntilAsync(async () => (await RunAsync("sinfo", ["-h", "-o", "%T"])).Trim() == "idle", "the node to be idle");
    }

    /// <summary>Runs a Slurm client command against this cluster (60 s limit); its standard output.</summary>
    public async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["SLURM_CONF"] = Configuration;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    /// <summary>Every job the controller knows: id, name, state, comment.</summary>
    public async Task<IReadOnlyList<(string Id, string State, string Comment)>> JobsAsync()
    {
        var text = await RunAsync("squeue", ["-h", "-t", "all", "-o", "%i|%T|%k"]);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split('|')).Select(p => (p[0], p[1], p[2]))];
    }

    /// <summary>Polls (every 100 ms, at most 90 s) until the condition holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"Waited 90 s for {what}.");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunAsync("scancel", ["--user=root"]);
        }
        catch (InvalidOperationException)
        {
        }

        foreach (var (_, pidFile) in Enumerable.Reverse(_daemons))
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                    await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
                }
                catch (ArgumentException)
                {
                }
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The tests share one cluster and run one at a time (their jobs share its two CPUs).</summary>
[CollectionDefinition(Name)]
public sealed class SlurmCollection : ICollectionFixture<SlurmCluster>
{
    public const string Name = "slurm";
}
