using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using GoKart.S3;

namespace GoKart.Remote.Tests.Servers;

/// <summary>The moto S3 server on a free 127.0.0.1 port; stopped by PID.</summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>With authentication on, moto rejects keys it does not know (InvalidAccessKeyId).</summary>
    public bool RequireAuthentication { get; init; }

    public string Url => $"http://127.0.0.1:{Port}";

    public static BasicAWSCredentials Credentials { get; } = new("testing-key", "testing-secret-DO-NOT-LOG");

    public S3StoreOptions StoreOptions(int maxAttempts = 3) => new()
    {
        ServiceUrl = Url,
        Credentials = Credentials,
        MaxAttempts = maxAttempts,
        RetryDelay = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(30),
    };

    public S3StoreProvider Provider() => new(StoreOptions());

    public AmazonS3Client Client() => new(Credentials, new AmazonS3Config { ServiceURL = Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    public async Task<string> CreateBucketAsync()
    {
        var bucket = "b-" + Guid.NewGuid().ToString("N")[..12];
        using var client = Client();
        await client.PutBucketAsync(bucket);
        return bucket;
    }

    public async Task InitializeAsync()
    {
        Port = LocalServer.FreePort();
        var start = new ProcessStartInfo(Python(), ["-m", "moto.server", "-H", "127.0.0.1", "-p", Port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (RequireAuthentication)
        {
            start.Environment["INITIAL_NO_AUTH_ACTION_COUNT"] = "0";
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await LocalServer.WaitForPortAsync(Port, "moto.server", () => _process.HasExited);
    }

    /// <summary>Stops the server (SIGKILL by PID), losing every bucket; the port then refuses connections. Safe to call twice.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _process, null) is { } process)
        {
            LocalServer.Kill(process.Id);
            process.Dispose();
            await LocalServer.WaitForPortClosedAsync(Port);
        }
    }

    public Task DisposeAsync() => StopAsync();

    /// <summary>The pyenv interpreter that has moto installed, else python3 on the PATH.</summary>
    internal static string Python()
    {
        var pyenv = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv/versions/3.11.7/bin/python3");
        return File.Exists(pyenv) ? pyenv : "python3";
    }
}
