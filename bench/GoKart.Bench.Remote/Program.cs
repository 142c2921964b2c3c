using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using GoKart;
using GoKart.Redis;
using GoKart.S3;

// Remote workspace overhead: chain (each task loads its parent's int, dumps int+1) and fan-in (N leaves into
// one task) on S3 (moto on 127.0.0.1), without and with the Redis lock (ShouldLockRun). Starts and stops both
// servers itself. Usage: dotnet run -c Release --project bench/GoKart.Bench.Remote -- [chain=1000] [fanin=2000] [workers=4] [memory]
var chain = args.Length > 0 ? int.Parse(args[0]) : 1000;
var fanIn = args.Length > 1 ? int.Parse(args[1]) : 2000;
var workers = args.Length > 2 ? int.Parse(args[2]) : 4;

// "memory" as the fourth argument skips S3: the same builds into InMemoryStore, so the lock's own cost is not buried
// under moto's milliseconds per request.
var memoryOnly = args.Length > 3 && args[3] == "memory";

var motoPort = FreePort();
var python = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv/versions/3.11.7/bin/python3");
using var moto = Process.Start(new ProcessStartInfo(File.Exists(python) ? python : "python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", motoPort.ToString()]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
moto.BeginErrorReadLine();
moto.BeginOutputReadLine();
var redisPort = FreePort();
var pidFile = Path.Combine(Path.GetTempPath(), $"gokart-bench-redis-{redisPort}.pid");
using (var redisStart = Process.Start("redis-server", ["--port", redisPort.ToString(), "--bind", "127.0.0.1", "--daemonize", "yes", "--save", "", "--pidfile", pidFile]))
{
    await redisStart.WaitForExitAsync();
}

// A daemonized redis-server outlives this process and inherits its open files (a build lock held by `flock`, for
// one): stop both servers on SIGTERM/timeout too, not only when the benchmark ends normally.
AppDomain.CurrentDomain.ProcessExit += (_, _) => StopServers();
try
{
    await WaitForPortAsync(motoPort);
    await WaitForPortAsync(redisPort);
    var url = $"http://127.0.0.1:{motoPort}";
    var credentials = new BasicAWSCredentials("bench", "bench");
    using var client = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
    var provider = new S3StoreProvider(new S3StoreOptions { ServiceUrl = url, Credentials = credentials });
    await TimeAsync(client, provider, null, new Link { Index = 20 }, "warmup"); // JIT and moto's first requests
    var store = memoryOnly ? "in-memory store" : "S3";
    Console.WriteLine($"| workload | tasks | workers | {store} only (s) | per task (ms) | {store} + Redis (s) | per task (ms) | Redis overhead per task (ms) |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (var (name, count, root) in new (string, int, Func<TaskOnKart<int>>)[] { ("chain", chain, () => new Link { Index = chain - 1 }), ("fan-in", fanIn, () => new Gather { Count = fanIn }) })
    {
        var plain = await TimeAsync(client, provider, null, root(), name);
        await using var locks = new RedisTaskLock(new RedisLockOptions { Configuration = $"127.0.0.1:{redisPort}", PollInterval = TimeSpan.FromMilliseconds(20) });
        var locked = await TimeAsync(client, provider, locks, root(), name);
        if (memoryOnly)
        {
            // Builds are cheap here: best of three more of each, the lock client reused as a long-lived program would.
            for (var i = 0; i < 3; i++)
            {
                var a = await TimeAsync(client, provider, null, root(), name);
                var b = await TimeAsync(client, provider, locks, root(), name);
                (plain, locked) = (a < plain ? a : plain, b < locked ? b : locked);
            }
        }
        var per = (double)count;
        Console.WriteLine($"| {name} | {count} | {workers} | {plain.TotalSeconds:0.0} | {plain.TotalMilliseconds / per:0.00} | {locked.TotalSeconds:0.0} | {locked.TotalMilliseconds / per:0.00} | {(locked - plain).TotalMilliseconds / per:0.00} |");
    }
}
finally
{
    StopServers();
}

void StopServers()
{
    try
    {
        moto.Kill(entireProcessTree: true);
    }
    catch (InvalidOperationException)
    {
    }

    if (File.Exists(pidFile))
    {
        try
        {
            using var redis = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim()));
            redis.Kill();
        }
        catch (ArgumentException)
        {
            // already gone
        }

        File.Delete(pidFile);
    }
}

async Task<TimeSpan> TimeAsync(AmazonS3Client client, S3StoreProvider provider, RedisTaskLock? locks, TaskOnKart<int> root, string name)
{
    var bucket = $"bench-{name}-{Guid.NewGuid():N}"[..40].TrimEnd('-');
    await client.PutBucketAsync(bucket);
    var options = memoryOnly
        ? new BuildOptions { Store = new GoKart.Storage.InMemoryStore(), Workers = workers, Lock = locks, ShouldLockRun = locks is not null, ReadConfigFiles = false }
        : new BuildOptions { Workspace = $"s3://{bucket}/ws", StoreProviders = [provider], Workers = workers, Lock = locks, ShouldLockRun = locks is not null };
    var watch = Stopwatch.StartNew();
    var report = await Kart.ExecuteAsync(root, options).WaitAsync(TimeSpan.FromMinutes(10));
    watch.Stop();
    report.ThrowIfFailed();
    return watch.Elapsed;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitForPortAsync(int port)
{
    for (var i = 0; i < 600; i++)
    {
        try
        {
            using var c = new TcpClient();
            await c.ConnectAsync(IPAddress.Loopback, port);
            return;
        }
        catch (SocketException)
        {
            await Task.Delay(100);
        }
    }

    throw new TimeoutException($"nothing listens on 127.0.0.1:{port}");
}

/// <summary>Link k loads link k-1's int and dumps it + 1.</summary>
public sealed class Link : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override Dependencies Requires() => Index == 0 ? Dependencies.None : new TaskOnKart[] { new Link { Index = Index - 1 } };

    protected override int Run() => Index == 0 ? 0 : Load(new Link { Index = Index - 1 }) + 1;
}

public sealed class Leaf : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override int Run() => Index;
}

/// <summary>Count leaves into one task.</summary>
public sealed class Gather : TaskOnKart<int>
{
    public int Count { get; init; }

    protected override Dependencies Requires() => Enumerable.Range(0, Count).Select(i => (TaskOnKart)new Leaf { Index = i }).ToList();

    protected override int Run() => Load<int>(Enumerable.Range(0, Count).Select(i => new Leaf { Index = i })).Sum();
}
