using System.Diagnostics;
using GoKart.Remote.Tests.Servers;
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
        var workers = Enumerable.Range(0, 4).Select(_ => Start(bucket, counter, expiryMs: 180_000, sleepMs: 50)).ToList();
        var results = await Task.WhenAll(workers.Select(FinishAsync));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.Single(results.Select(r => r.Root).Distinct());
        Assert.Equal(ExpectedRoot().ToString(), results[0].Root);
        var runs = await RunCountsAsync(counter);
        Assert.Equal(TaskCount, runs.Count);
        Assert.All(runs, r => Assert.True(r.Value == 1, $"{r.Key} ran {r.Value} times"));
    }

    [Fact]
    public async Task Build_OneOfFourKilled_OthersFinishAndFifthCompletesAfterExpiry()
    {
        var bucket = await moto.CreateBucketAsync();
        var counter = "kill-" + Guid.NewGuid().ToString("N")[..8] + ":";
        var victim = Start(bucket, counter, expiryMs: 3000, sleepMs: 400);
        // Wait until the victim is mid-run (some tasks counted), then start the others and kill it.
        for (var i = 0; i < 300 && (await RunCountsAsync(counter)).Count < 2; i++)
        {
            await Task.Delay(100);
        }

        var others = Enumerable.Range(0, 3).Select(_ => Start(bucket, counter, expiryMs: 3000, sleepMs: 400)).ToList();
        await Task.Delay(300);
        victim.Kill(entireProcessTree: true); // SIGKILL: no lock is released
        await victim.WaitForExitAsync();
        victim.Dispose();

        var results = await Task.WhenAll(others.Select(FinishAsync));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        var fifth = await FinishAsync(Start(bucket, counter, expiryMs: 3000, sleepMs: 400));
        Assert.True(fifth.ExitCode == 0, fifth.Output);
        Assert.Equal(ExpectedRoot().ToString(), fifth.Root);
        Assert.All(results, r => Assert.Equal(fifth.Root, r.Root));

        var runs = await RunCountsAsync(counter);
        Assert.Equal(TaskCount, runs.Count);
        // Only tasks the victim was running when killed (2 workers) may have run a second time.
        Assert.InRange(runs.Values.Sum(), TaskCount, TaskCount + 2);
    }

    private static int ExpectedRoot() =>
        Enumerable.Range(0, 9).Sum(g => Enumerable.Range(g * 4, g == 8 ? 8 : 5).Sum(i => i * i));

    private async Task<Dictionary<string, long>> RunCountsAsync(string prefix)
    {
        // Bookkeeping, not the behaviour under test: a generous timeout keeps a loaded CI machine from failing the
        // synchronous SCAN (StackExchange.Redis 1.2.6 has no async key enumeration; its default is 1 s).
        using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true,syncTimeout=15000");
        var server = raw.GetServer(raw.GetEndPoints()[0]);
        var counts = new Dictionary<string, long>();
        foreach (var key in server.Keys(pattern: prefix + "runs:*"))
        {
            counts[key!] = (long)await raw.GetDatabase().StringGetAsync(key);
        }

        return counts;
    }

    private Process Start(string bucket, string counter, int expiryMs, int sleepMs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { WorkerPath(), moto.Url, $"s3://{bucket}/shared", redis.Configuration, expiryMs.ToString(), sleepMs.ToString(), counter },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string Root, string Output)> FinishAsync(Process process)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            var output = await stdout;
            var root = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))?["RESULT ".Length..].Trim() ?? string.Empty;
            return (process.ExitCode, root, output + await stderr);
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
