using Amazon.Runtime;

namespace GoKart.S3;

/// <summary>
/// How <see cref="S3StoreProvider"/> reaches S3. Every property is optional: credentials and region come
/// from the standard AWS chain (environment variables, profiles, instance roles) and the endpoint from
/// <c>AWS_ENDPOINT_URL_S3</c> / <c>AWS_ENDPOINT_URL</c> when not set here.
/// </summary>
/// <example>
/// <code>
/// var minio = new S3StoreOptions { ServiceUrl = "http://127.0.0.1:9000", Credentials = new BasicAWSCredentials("key", "secret") };
/// Kart.Build(task, new BuildOptions { Workspace = "s3://bucket/prefix", StoreProviders = [new S3StoreProvider(minio)] });
/// </code>
/// </example>
public sealed class S3StoreOptions
{
    /// <summary>An S3-compatible endpoint (MinIO, GCS interop, a test server); null for AWS or the environment's endpoint.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The region (default: the AWS chain, else <c>us-east-1</c> with a custom endpoint).</summary>
    public string? Region { get; init; }

    /// <summary>Path-style addressing (<c>host/bucket/key</c>); default true with a custom endpoint, false on AWS.</summary>
    public bool? ForcePathStyle { get; init; }

    /// <summary>Credentials to use instead of the AWS chain. Never written to logs or messages.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Objects at least this large are uploaded in parts (default 16 MiB).</summary>
    public long MultipartThreshold { get; init; } = 16L * 1024 * 1024;

    /// <summary>Size of each multipart part (default 8 MiB; S3's minimum is 5 MiB except for the last part).</summary>
    public long PartSize { get; init; } = 8L * 1024 * 1024;

    /// <summary>Bytes a pending write keeps in memory before spilling to a temporary file (default 4 MiB).</summary>
    public int MemoryBufferLimit { get; init; } = 4 * 1024 * 1024;

    /// <summary>Attempts per request for transient errors (timeouts, 5xx, throttling, refused connections); default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first retry delay, doubled on each further attempt (default 200 ms).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Timeout of one HTTP request (default 100 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The clock for retry delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
