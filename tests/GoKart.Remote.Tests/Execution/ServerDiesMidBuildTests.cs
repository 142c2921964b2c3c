using System.Collections.Concurrent;
using GoKart.Remote.Tests.Servers;
using GoKart.S3;
using GoKart.Storage;

namespace GoKart.Remote.Tests.Execution;

/// <summary>
/// The S3 endpoint or the Redis lock server dies while a build runs. Each test starts its own server and
/// SIGKILLs it. A killed moto loses every object, so what the server held is read before the kill; what
/// is checked is the build's answer: it ends, it names what was unreachable, and it reports as succeeded
/// only tasks whose output the server had.
/// </summary>
[Collection(ServerKillingCollection.Name)]
public sealed partial class ServerDiesMidBuildTests
{
    /// <summary>Far above the bounded retries configured below; reaching it means the build hung.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task Build_S3EndpointKilledByRunningTask_FailsNamingEndpointAndReportsOnlyStoredOutputs()
    {
        var moto = new MotoServer();
        await moto.InitializeAsync();
        try
        {
            var bucket = await moto.CreateBucketAsync();
            var location = $"s3://{bucket}/ws";
            using var observer = (S3Store)moto.Provider().Open(location);
            var outage = new S3Outage(moto, observer);
            var events = new ConcurrentQueue<BuildProgress>();
            var options = new BuildOptions
            {
                Workspace = location,
                StoreProviders = [new S3StoreProvider(moto.StoreOptions(maxAttempts: 2))],
                Workers = 2, // KillsEndpoint and ReadsAfterKill run side by side
                Progress = events.Enqueue,
                LoggerFactory = new CapturedLog(),
            };

            var e = await Assert.ThrowsAsync<GoKartBuildException>(() => Kart.BuildAsync(new Top { Outage = outage }, options).WaitAsync(Hang));

            Assert.Equal([nameof(KillsEndpoint), nameof(ReadsAfterKill)], e.Failures.Select(f => f.TaskName).Order());
            foreach (var failure in e.Failures)
            {
                var s3 = Assert.IsType<S3StoreException>(failure.Exception);
                Assert.Contains($"at {moto.Url}", s3.Message);
                Assert.Contains($"s3://{bucket}/ws/", s3.Message);
                Assert.Contains("after 2 attempts", s3.Message);
                Assert.Contains("Connection refused", s3.Message);
            }

            var write = Assert.Single(e.Failures, f => f.TaskName == nameof(KillsEndpoint));
            Assert.Contains($"S3 PUT of s3://{bucket}/ws/", write.Exception.Message);
            Assert.Contains($"/KillsEndpoint_{write.UniqueId}.", write.Exception.Message);
            var read = Assert.Single(e.Failures, f => f.TaskName == nameof(ReadsAfterKill));
            Assert.Contains($"S3 GET of s3://{bucket}/ws/", read.Exception.Message);
            Assert.Contains($"/Gather_{new Gather().UniqueId}.", read.Exception.Message);
            Assert.StartsWith("Top[", Assert.Single(e.UpstreamFailed), StringComparison.Ordinal);

            // Succeeded means "output stored": every such task's output was on the server when it died.
            var succeeded = events.Where(p => p.Event == BuildEvent.Succeeded).Select(p => $"{p.TaskName}_{p.UniqueId}").Order().ToList();
            Assert.Equal(5, succeeded.Count); // four parts and Gather
            var outputs = outage.PathsBeforeKill.Where(p => !p.StartsWith("log/", StringComparison.Ordinal)).ToList();
            Assert.Equal(succeeded, outputs.Select(p => Path.GetFileNameWithoutExtension(p)).Order());
        }
        finally
        {
            await moto.DisposeAsync();
        }
    }

    [Fact]
    public async Task Build_S3EndpointKilledWhileRunLogsQueued_ReturnsOutputAndWarnsNamingEndpoint()
    {
        var moto = new MotoServer();
        await moto.InitializeAsync();
        try
        {
            var bucket = await moto.CreateBucketAsync();
            using var s3 = (S3Store)new S3StoreProvider(moto.StoreOptions(maxAttempts: 2)).Open($"s3://{bucket}/ws");
            var store = new HeldLogStore(s3);
            var log = new CapturedLog();
            var killed = Task.CompletedTask;
            var options = new BuildOptions
            {
                Store = store,
                Workers = 2,
                LoggerFactory = log,
                Progress = p =>
                {
                    // The root's output is published; its run logs (and the parts') wait in the log queue.
                    if (p.Event == BuildEvent.Succeeded && p.TaskName == nameof(Gather))
                    {
                        killed = Task.Run(async () =>
                        {
                            await moto.StopAsync();
                            store.Release();
                        });
                    }
                },
            };

            Assert.Equal(60, await Kart.BuildAsync(new Gather(), options).WaitAsync(Hang));
            await killed;

            // The outputs were all stored; a log that cannot be written is a warning, not a failed build.
            var warnings = log.Warnings.Where(w => w.StartsWith("Could not write a run log", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(warnings);
            Assert.All(warnings, w => Assert.Contains($"s3://{bucket}/ws/log/", w));
            Assert.All(warnings, w => Assert.Contains($"at {moto.Url}", w));
        }
        finally
        {
            await moto.DisposeAsync();
        }
    }
}
