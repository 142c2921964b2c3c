using System.Text;
using Amazon.S3.Model;
using GoKart.Remote.Tests.Servers;
using GoKart.S3;
using GoKart.Storage;

namespace GoKart.Remote.Tests.Storage;

[Collection(RemoteCollection.Name)]
public sealed class S3StoreTests(MotoServer moto)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private S3StoreOptions SmallParts() => new()
    {
        ServiceUrl = moto.Url,
        Credentials = MotoServer.Credentials,
        PartSize = 5 * 1024 * 1024,
        MultipartThreshold = 5 * 1024 * 1024,
        MemoryBufferLimit = 1024 * 1024,
    };

    [Fact]
    public async Task CommitAsync_LargeObject_UploadsInPartsAndReadsBackIdentical()
    {
        var bucket = await moto.CreateBucketAsync();
        var store = new S3StoreProvider(SmallParts()).Open($"s3://{bucket}/big");
        var bytes = new byte[12 * 1024 * 1024 + 123];
        new Random(1).NextBytes(bytes);
        await using (var write = await store.BeginWriteAsync("model.bin", None))
        {
            for (var offset = 0; offset < bytes.Length; offset += 100_000)
            {
                await write.Stream.WriteAsync(bytes.AsMemory(offset, Math.Min(100_000, bytes.Length - offset)));
            }

            Assert.False(await store.ExistsAsync("model.bin", None));
            await write.CommitAsync(None);
        }

        await using var read = await store.OpenReadAsync("model.bin", None);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        using var client = moto.Client();
        var head = await client.GetObjectMetadataAsync(bucket, "big/model.bin");
        Assert.Contains("-3", head.ETag, StringComparison.Ordinal); // a multipart ETag ends with -<parts>
    }

    [Fact]
    public async Task DisposeAsync_LargeObjectNotCommitted_LeavesNoObjectAndNoUpload()
    {
        var bucket = await moto.CreateBucketAsync();
        var store = new S3StoreProvider(SmallParts()).Open($"s3://{bucket}");
        await using (var write = await store.BeginWriteAsync("model.bin", None))
        {
            await write.Stream.WriteAsync(new byte[6 * 1024 * 1024]);
        }

        using var client = moto.Client();
        var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket });
        Assert.Empty(uploads.MultipartUploads ?? []);
        var objects = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Empty(objects.S3Objects ?? []);
    }

    [Fact]
    public async Task CommitAsync_MissingBucket_ThrowsNamingBucketAndEndpoint()
    {
        var store = moto.Provider().Open("s3://no-such-bucket-here/p");
        await using var write = await store.BeginWriteAsync("a.json", None);
        await write.Stream.WriteAsync(Encoding.UTF8.GetBytes("{}"));
        var e = await Assert.ThrowsAsync<S3StoreException>(async () => await write.CommitAsync(None));
        Assert.Contains("s3://no-such-bucket-here/p/a.json", e.Message);
        Assert.Contains(moto.Url, e.Message);
        Assert.Contains("bucket does not exist", e.Message);
    }

    [Fact]
    public async Task ExistsAsync_ServerDown_RetriesThenThrowsNamingEndpointWithoutSecret()
    {
        var port = LocalServer.FreePort();
        var store = new S3StoreProvider(new S3StoreOptions
        {
            ServiceUrl = $"http://127.0.0.1:{port}",
            Credentials = MotoServer.Credentials,
            MaxAttempts = 3,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        }).Open("s3://bucket/p");
        var e = await Assert.ThrowsAsync<S3StoreException>(async () => await store.ExistsAsync("a.json", None));
        Assert.Contains($"127.0.0.1:{port}", e.Message);
        Assert.Contains("after 3 attempts", e.Message);
        Assert.DoesNotContain("DO-NOT-LOG", e.ToString());
    }

    [Fact]
    public async Task Build_ServerDown_FailsWithClearErrorAndRecordsNothing()
    {
        var port = LocalServer.FreePort();
        var events = new System.Collections.Concurrent.ConcurrentQueue<BuildEvent>();
        var writes = new List<string>();
        var provider = new S3StoreProvider(new S3StoreOptions { ServiceUrl = $"http://127.0.0.1:{port}", MaxAttempts = 2, RetryDelay = TimeSpan.FromMilliseconds(10), Credentials = MotoServer.Credentials });
        var options = new BuildOptions
        {
            Store = new WriteWatchingStore(provider.Open("s3://bucket/p"), writes),
            Progress = p => events.Enqueue(p.Event),
        };
        var e = await Assert.ThrowsAnyAsync<Exception>(() => Kart.BuildAsync(new Sum { Count = 3 }, options));

        // Clear: names the endpoint and what could not be read, keeps the secret out.
        Assert.Contains($"127.0.0.1:{port}", e.Message);
        Assert.Contains("s3://bucket/p/", e.ToString());
        Assert.DoesNotContain("DO-NOT-LOG", e.ToString());
        // Nothing recorded: no task ran and no write was even begun (the store would have buffered it locally).
        Assert.Empty(events);
        Assert.Empty(writes);
    }

    [Fact]
    public async Task Build_S3Workspace_KeepsCredentialsOutOfEveryObject()
    {
        var bucket = await moto.CreateBucketAsync();
        var options = new BuildOptions { Workspace = $"s3://{bucket}/ws", StoreProviders = [moto.Provider()] };
        Assert.Equal(3, await Kart.BuildAsync(new Sum { Count = 3 }, options));
        using var client = moto.Client();
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.NotEmpty(listed.S3Objects);
        foreach (var o in listed.S3Objects)
        {
            using var body = await client.GetObjectAsync(bucket, o.Key);
            using var reader = new StreamReader(body.ResponseStream);
            var text = await reader.ReadToEndAsync();
            Assert.DoesNotContain("DO-NOT-LOG", text);
            Assert.DoesNotContain("testing-key", text);
        }
    }

    [Fact]
    public async Task Open_EndpointFromEnvironment_UsesAwsEndpointUrlS3()
    {
        var bucket = await moto.CreateBucketAsync();
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_S3"] = moto.Url, ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1" };
        var provider = new S3StoreProvider(new S3StoreOptions { Credentials = MotoServer.Credentials }, name => environment.GetValueOrDefault(name));
        var store = (S3Store)provider.Open($"s3://{bucket}/x");
        Assert.Equal(moto.Url, store.Endpoint);
        Assert.False(await store.ExistsAsync("nothing.json", None));
    }

    [Fact]
    public async Task ExistsAsync_UnknownCredentials_ThrowsAccessDeniedWithoutSecret()
    {
        var strict = new MotoServer { RequireAuthentication = true };
        await strict.InitializeAsync();
        try
        {
            var store = strict.Provider().Open("s3://bucket/p");
            var e = await Assert.ThrowsAsync<S3StoreException>(async () => await store.ExistsAsync("a.json", None));
            Assert.Contains("access denied", e.Message);
            Assert.Contains(strict.Url, e.Message);
            Assert.DoesNotContain("after", e.Message); // not retried
            Assert.DoesNotContain("DO-NOT-LOG", e.ToString());
        }
        finally
        {
            await strict.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("s3://", "bucket")]
    [InlineData("s3://key:secret@bucket/p", "no credentials")]
    public void Open_BadLocation_ThrowsWithoutEchoingIt(string location, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => moto.Provider().Open(location));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("secret", e.Message);
    }

    [Fact]
    public void CanOpen_Locations_OnlyS3Scheme()
    {
        var provider = moto.Provider();
        Assert.True(provider.CanOpen("s3://b/p"));
        Assert.True(provider.CanOpen("S3://b"));
        Assert.False(provider.CanOpen("resources"));
        Assert.False(provider.CanOpen("gs://b"));
    }
}

/// <summary>Passes everything to the store it wraps and notes each write begun.</summary>
internal sealed class WriteWatchingStore(IWorkspaceStore inner, List<string> writes) : IWorkspaceStore
{
    public string Describe(string path) => inner.Describe(path);

    public ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) => inner.ExistsAsync(path, cancellationToken);

    public ValueTask<DateTimeOffset?> GetLastModifiedAsync(string path, CancellationToken cancellationToken) => inner.GetLastModifiedAsync(path, cancellationToken);

    public ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) => inner.OpenReadAsync(path, cancellationToken);

    public ValueTask<IPendingWrite> BeginWriteAsync(string path, CancellationToken cancellationToken)
    {
        lock (writes)
        {
            writes.Add(path);
        }

        return inner.BeginWriteAsync(path, cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(string path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);

    public IAsyncEnumerable<StoreEntry> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}
