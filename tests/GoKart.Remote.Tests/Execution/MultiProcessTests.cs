using System.Diagnostics;
using GoKart.Remote.Tests.Servers;
using GoKart.Testing;
using StackExchange.Redis;

namespace GoKart.Remote.Tests.Execution;

/// <summary>
/// N processes build the same 50-task pipeline (tests/GoKart.Remote.Worker) against one S3 workspace and
/// one Redis with ShouldLockRun; each task counts its runs in Redis.
/// </summary>
[Collection(RemoteCollection.Name)]
public sealed class MultiProcessTests(MotoServer moto, RedisServer redis)
{
    private const int TaskCount = 50;

    [Fact]
    public async Task Build_FourProcessesSamePipeline_EachTaskRunsExactlyOnce()
    {
        var bucket = await moto.CreateBucketAsync();
        var counter = "mp-" + Guid.NewGuid().ToString("N")[..8] + ":";
        // The four wait for each other (a barrier in Redis) so that they build at the same time.
        var workers = Enumerable.Range(0, 4).Select(_ => Start(bucket, counter, expiryMs: 180_000, sleepMs: 50, together: 4)).ToList();
        var results = await Task.WhenAll(workers.Select(w => FinishAsync(w)));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.Single(results.Select(r => r.Root).Distinct());
        Assert.Equal(ExpectedRoot().ToString(), results[0].Root);
        var runs = await RunCountsAsync(counter);
        Assert.Equal(TaskCount, runs.Count);
        Assert.All(runs, r => Assert.True(r.Value == 1, $"{r.Key} ran {r.Value} times"));
        // Every run is accounted for by one of the four (which started together, behind the barrier).
        Assert.Equal(TaskCount, results.Sum(r => r.Ran));
    }

    [Fact]
    public async Task Build_OneOfFourKilled_OthersFinishAndFifthCompletesAfterExpiry()
    {
        var bucket = await moto.CreateBucketAsync();
        var counter = "kill-" + Guid.NewGuid().ToString("N")[..8] + ":";
        using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var db = raw.GetDatabase();

        // The victim runs 3 tasks, then hangs inside its 4th (and 5th, on its second worker) holding their run locks.
        var victim = Start(bucket, counter, expiryMs: 3000, sleepMs: 50, hangAfter: 3);
        string hung;
        try
        {
            var line = await ChildProcess.ReadLineAsync(victim, TimeSpan.FromMinutes(2));
            Assert.True(line?.StartsWith("HANGING ", StringComparison.Ordinal) == true, $"victim printed '{line}' instead of HANGING <task>");
            hung = line!["HANGING ".Length..].Trim();
            Assert.True(await db.KeyExistsAsync(hung + "-run"), $"the victim does not hold the run lock of {hung}");
        }
        catch
        {
            ChildProcess.Kill(victim);
            victim.Dispose();
            throw;
        }

        ChildProcess.Kill(victim); // SIGKILL mid-run: its locks are not released, only their expiry frees them
        victim.Dispose();
        var byVictim = await RunCountsAsync(counter);
        var victimRuns = byVictim.Values.Sum();
        Assert.InRange(victimRuns, 1, 3); // at most the 3 runs before it hung; the hung ones never count
        var others = Enumerable.Range(0, 3).Select(_ => Start(bucket, counter, expiryMs: 3000, sleepMs: 50)).ToList();

        var results = await Task.WhenAll(others.Select(o => FinishAsync(o)));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.All(results, r => Assert.Equal(ExpectedRoot().ToString(), r.Root));
        // The task the victim died in ran after its lock expired, in another process, once.
        var runs = await RunCountsAsync(counter);
        Assert.Equal(1, runs.GetValueOrDefault(counter + "runs:" + hung));
        Assert.Equal(TaskCount, runs.Count);
        // A run the victim counted may still have been writing its output when it was killed (its other worker
        // was mid-commit when the first one hung): that one task may run once more elsewhere, at-least-once as in
        // gokart. Every other task ran exactly once.
        var rerun = runs.Where(r => r.Value == 2 && byVictim.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(rerun.Count <= 1, $"tasks the victim ran were run again: {string.Join(", ", rerun)}");
        Assert.All(runs.Where(r => !rerun.Contains(r.Key)), r => Assert.True(r.Value == 1, $"{r.Key} ran {r.Value} times"));
        Assert.Equal(TaskCount - victimRuns + rerun.Count, results.Sum(r => r.Ran));

        // A fifth process after them finds everything complete: it runs nothing and reads the same result.
        var fifth = await FinishAsync(Start(bucket, counter, expiryMs: 3000, sleepMs: 50));
        Assert.True(fifth.ExitCode == 0, fifth.Output);
        Assert.Equal(ExpectedRoot().ToString(), fifth.Root);
        Assert.Equal(0, fifth.Ran);
    }

    private static int ExpectedRoot() =>
        Enumerable.Range(0, 9).Sum(g => Enumerable.Range(g * 4, g == 8 ? 8 : 5).Sum(i => i * i));

    private async Task<Dictionary<string, long>> RunCountsAsync(string prefix)
    {
        // Bookkeeping, not the behaviour under test: a generous timeout keeps a loaded CI machine from failing the SCAN.
        using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true,syncTimeout=15000");
        var server = raw.GetServer(raw.GetEndPoints()[0]);
        var counts = new Dictionary<string, long>();
        await foreach (var key in server.KeysAsync(pattern: prefix + "runs:*"))
        {
            counts[key!] = (long)await raw.GetDatabase().StringGetAsync(key);
        }

        return counts;
    }

    private Process Start(string bucket, string counter, int expiryMs, int sleepMs, int together = 0, int hangAfter = 0)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { WorkerPath(), moto.Url, $"s3://{bucket}/shared", redis.Configuration, expiryMs.ToString(), sleepMs.ToString(), counter, together.ToString(), hangAfter.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string Root, int Ran, string Output)> FinishAsync(Process process)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await ChildProcess.WaitAsync(process, TimeSpan.FromMinutes(3));
            var lines = (await stdout).Split('\n');
            string? Value(string tag) => lines.FirstOrDefault(l => l.StartsWith(tag, StringComparison.Ordinal))?[tag.Length..].Trim();
            return (process.ExitCode, Value("RESULT ") ?? string.Empty, int.TryParse(Value("RAN "), out var ran) ? ran : -1, string.Join('\n', lines) + await stderr);
        }
    }

    /// <summary>The worker is built next to this project (same configuration) by the project reference.</summary>
    private static string WorkerPath()
    {
        var here = AppContext.BaseDirectory;
        var path = Path.GetFullPath(here.Replace("GoKart.Remote.Tests", "GoKart.Remote.Worker", StringComparison.Ordinal));
        var dll = Path.Combine(path, "GoKart.Remote.Worker.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Worker not built at {dll}", dll);
    }
}
