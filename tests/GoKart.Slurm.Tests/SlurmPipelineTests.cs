using System.Text.Json;
using GoKart.Slurm.Tests.Cluster;

namespace GoKart.Slurm.Tests;

/// <summary>The test program's 20-task pipeline (4 diamonds, a fan-in, 2 side tasks, a root) on a real one-node Slurm.</summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmPipelineTests(SlurmCluster cluster)
{
    private const string Config = "[slurm]\npoll_interval = 0.2\nmax_poll_interval = 1\n";

    [Fact]
    public async Task Report_OnSlurm_RunsEachTaskAsItsOwnJobWithAfterokDependencies_AndMatchesALocalBuild()
    {
        using var local = new Driver(cluster);
        var localRun = await local.RunAsync("Report");
        Assert.True(localRun.ExitCode == 0, localRun.Output + localRun.Error);

        using var driver = new Driver(cluster);
        driver.WriteConfig(Config);
        await cluster.RunAsync("scontrol", ["update", "PartitionName=debug", "State=DOWN"]);
        Driver.Running running;
        IReadOnlyList<(string Id, string State, string Comment)> jobs;
        try
        {
            running = driver.Start("Report", "--executor", "slurm", "--config", "slurm.ini");
            await SlurmCluster.WaitUntilAsync(async () => (await driver.JobsAsync()).Count == 20, "20 queued jobs");
            jobs = await driver.JobsAsync();
            var details = new Dictionary<string, (string Name, string[] After)>();
            foreach (var job in jobs)
            {
                var fields = (await cluster.RunAsync("scontrol", ["show", "job", "-o", job.Id])).Split(' ');
                var name = fields.Single(f => f.StartsWith("JobName=", StringComparison.Ordinal))["JobName=gokart-".Length..];
                var dependency = fields.Single(f => f.StartsWith("Dependency=", StringComparison.Ordinal))["Dependency=".Length..];
                var after = dependency == "(null)" ? [] : dependency.Split(',').Select(d =>
                {
                    Assert.StartsWith("afterok:", d, StringComparison.Ordinal);
                    return d["afterok:".Length..].Split('(')[0];
                }).ToArray();
                details[job.Id] = (name, after);
            }

            string NameOf(string id) => details[id].Name;
            Assert.Equal(4, details.Values.Count(d => d.Name == "Source" && d.After.Length == 0));
            Assert.Equal(2, details.Values.Count(d => d.Name == "Aux" && d.After.Length == 0));
            var branches = details.Where(d => d.Value.Name == "Branch").ToList();
            Assert.Equal(8, branches.Count);
            Assert.All(branches, b => Assert.Equal("Source", NameOf(Assert.Single(b.Value.After))));
            Assert.Equal(4, branches.Select(b => b.Value.After[0]).Distinct().Count());
            var joins = details.Where(d => d.Value.Name == "Join").ToList();
            Assert.Equal(4, joins.Count);
            Assert.All(joins, j =>
            {
                Assert.Equal(2, j.Value.After.Distinct().Count());
                Assert.All(j.Value.After, a => Assert.Equal("Branch", NameOf(a)));
                Assert.Single(j.Value.After.Select(a => details[a].After[0]).Distinct()); // both sides of one source: a diamond
            });
            var gather = Assert.Single(details.Values, d => d.Name == "Gather");
            Assert.Equal(joins.Select(j => j.Key).Order(), gather.After.Order());
            var report = Assert.Single(details.Values, d => d.Name == "Report");
            Assert.Equal(["Aux", "Aux", "Gather"], report.After.Select(NameOf).Order());
        }
        finally
        {
            await cluster.RunAsync("scontrol", ["update", "PartitionName=debug", "State=UP"]);
        }

        using (running)
        {
            var (exitCode, output, error) = await running.WaitAsync();
            Assert.True(exitCode == 0, output + error);
            Assert.Contains("20 ran", output, StringComparison.Ordinal);
        }

        Assert.All(await driver.JobsAsync(), j => Assert.Equal("COMPLETED", j.State));
        Assert.Equal(local.Files("__main__"), driver.Files("__main__"));
        foreach (var file in local.Files("__main__"))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(local.Workspace, file)), File.ReadAllBytes(Path.Combine(driver.Workspace, file)));
        }

        string[] kinds = ["module_versions", "processing_time", "random_seed", "task_log", "task_params"];
        foreach (var kind in kinds)
        {
            Assert.Equal(local.Files(Path.Combine("log", kind)), driver.Files(Path.Combine("log", kind)));
        }

        foreach (var file in local.Files("log/task_params").Concat(local.Files("log/random_seed")))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(local.Workspace, file)), File.ReadAllText(Path.Combine(driver.Workspace, file)));
        }

        // Each task_log names its job and the job's log files, which exist under <workspace>/log/slurm.
        var jobIds = jobs.Select(j => j.Id).ToHashSet();
        foreach (var file in driver.Files("log/task_log"))
        {
            using var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(driver.Workspace, file)));
            var slurm = log.RootElement.GetProperty("slurm");
            var id = slurm.GetProperty("job_id").GetString()!;
            Assert.Contains(id, jobIds);
            var stdout = slurm.GetProperty("stdout").GetString()!;
            Assert.True(File.Exists(stdout), stdout);
            Assert.StartsWith(Path.Combine(driver.Workspace, "log", "slurm") + "/", stdout, StringComparison.Ordinal);
            Assert.EndsWith($"-{id}.out", stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(slurm.GetProperty("stderr").GetString()!));
        }
    }

    [Fact]
    public async Task Report_WhenABranchFails_FailsWithTheJobDetails_CancelsItsDependents_AndFinishesTheRest()
    {
        using var driver = new Driver(cluster);
        driver.WriteConfig(Config);
        driver.Environment["GOKART_TEST_FAIL"] = "Branch-2"; // Branch Index 1, Side 0

        var (exitCode, output, error) = await driver.RunAsync("Report", "--executor", "slurm", "--config", "slurm.ini");

        Assert.True(exitCode == 1, output + error);
        Assert.Contains("Branch 2 fails on purpose", output, StringComparison.Ordinal); // the stderr tail
        var jobs = await driver.JobsAsync();
        var failed = Assert.Single(jobs, j => j.State == "FAILED");
        Assert.Contains($"Slurm job {failed.Id} FAILED", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(driver.Workspace, "log", "slurm"), output, StringComparison.Ordinal);
        // Join 1, Gather and Report needed it: cancelled, never left pending.
        Assert.Equal(3, jobs.Count(j => j.State == "CANCELLED"));
        Assert.Equal(16, jobs.Count(j => j.State == "COMPLETED"));
        Assert.DoesNotContain(jobs, j => j.State is "PENDING" or "RUNNING");
        // 4 sources, 7 branches, 3 joins, 2 aux: 16 outputs.
        Assert.Equal(16, driver.Files("__main__").Count);
    }

    [Fact]
    public async Task Report_CancelledDriver_CancelsEveryJobItSubmitted()
    {
        using var driver = new Driver(cluster);
        driver.WriteConfig(Config);
        driver.Environment["GOKART_TEST_SLEEP_MS"] = "60000";
        using var running = driver.Start("Report", "--executor", "slurm", "--config", "slurm.ini");
        await SlurmCluster.WaitUntilAsync(async () => (await driver.JobsAsync()).Any(j => j.State == "RUNNING"), "a running job");

        running.Interrupt();
        var (exitCode, output, error) = await running.WaitAsync();

        Assert.True(exitCode == 130, output + error);
        try
        {
            await SlurmCluster.WaitUntilAsync(async () => (await driver.JobsAsync()).All(j => j.State is not ("PENDING" or "RUNNING" or "COMPLETING")), "no job left queued");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Jobs: {string.Join(", ", (await driver.JobsAsync()).Select(j => j.Id + " " + j.State))}\n{output}\n{error}", e);
        }

        // Ctrl+C may come while jobs are still being submitted: every job it did submit is cancelled.
        var jobs = await driver.JobsAsync();
        Assert.NotEmpty(jobs);
        Assert.Equal(output.Split('\n').Count(l => l.Contains("submitted job", StringComparison.Ordinal)), jobs.Count);
        Assert.All(jobs, j => Assert.Equal("CANCELLED", j.State));
    }

    [Fact]
    public async Task Report_SecondDriverWhileJobsAreQueued_SubmitsNothingAndWaitsForThem()
    {
        using var driver = new Driver(cluster);
        driver.WriteConfig(Config);
        await cluster.RunAsync("scontrol", ["update", "PartitionName=debug", "State=DOWN"]);
        Driver.Running first;
        Driver.Running second;
        try
        {
            first = driver.Start("Report", "--executor", "slurm", "--config", "slurm.ini");
            await SlurmCluster.WaitUntilAsync(async () => (await driver.JobsAsync()).Count == 20, "20 queued jobs");
            second = driver.Start("Report", "--executor", "slurm", "--config", "slurm.ini");
            await SlurmCluster.WaitUntilAsync(() => Task.FromResult(second.Process.HasExited || CountAdopted(second.Output) == 20), "the second driver to find the 20 jobs");
        }
        finally
        {
            await cluster.RunAsync("scontrol", ["update", "PartitionName=debug", "State=UP"]);
        }

        using (first)
        using (second)
        {
            var one = await first.WaitAsync();
            var two = await second.WaitAsync();
            Assert.True(one.ExitCode == 0, one.Output + one.Error);
            Assert.True(two.ExitCode == 0, two.Output + two.Error);
            Assert.DoesNotContain("submitted job", two.Output, StringComparison.Ordinal);
        }

        var jobs = await driver.JobsAsync();
        Assert.Equal(20, jobs.Count);
        Assert.All(jobs, j => Assert.Equal("COMPLETED", j.State));
    }

    [Fact]
    public async Task Report_ThroughKartBuildAsyncWithASlurmExecutor_ReturnsTheRootOutputAndLogsInTheGivenFolder()
    {
        using var driver = new Driver(cluster);
        var logs = Path.Combine(driver.Folder, "slurm-logs");

        var (exitCode, output, error) = await driver.RunAsync("api", driver.Workspace, logs);

        Assert.True(exitCode == 0, output + error);
        // Gather = sum over sources s = 10, 20, 30, 40 of (s + 1) * (s + 2).
        var gather = new[] { 10, 20, 30, 40 }.Sum(s => (s + 1) * (s + 2));
        Assert.Contains($"RESULT {gather}:aux0:aux1", output, StringComparison.Ordinal);
        Assert.Equal(20, (await driver.JobsAsync()).Count);
        Assert.Equal(40, Directory.GetFiles(logs, "*-*.*").Length); // stdout and stderr of each job
    }

    [Fact]
    public async Task Chain_WithMaxBatchSize50_Runs200TasksInFourJobs()
    {
        using var driver = new Driver(cluster);
        driver.WriteConfig(Config + "max_batch_size = 50\n");

        var (exitCode, output, error) = await driver.RunAsync("Link", "--index=199", "--executor", "slurm", "--config", "slurm.ini");

        Assert.True(exitCode == 0, output + error);
        var jobs = await driver.JobsAsync();
        Assert.Equal(4, jobs.Count);
        Assert.All(jobs, j => Assert.Equal("COMPLETED", j.State));
        Assert.Equal(200, driver.Files("__main__").Count);
        Assert.Equal(200, driver.Files("log/task_log").Count);
        var last = driver.Files("__main__").Select(f => File.ReadAllText(Path.Combine(driver.Workspace, f)).Trim()).ToList();
        Assert.Contains((199 * 200 / 2).ToString(System.Globalization.CultureInfo.InvariantCulture), last);
    }

    private static int CountAdopted(string output) => output.Split('\n').Count(l => l.Contains("not submitted again", StringComparison.Ordinal));
}
