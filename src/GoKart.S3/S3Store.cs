using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using GoKart.Storage;

namespace GoKart.S3;

/// <summary>
/// A workspace in an S3 bucket under a prefix. Objects appear only when complete: small ones with a single
/// PUT, large ones with a multipart upload that is completed on commit and aborted otherwise.
/// </summary>
public sealed class S3Store : IWorkspaceStore, IDisposable
{
    private readonly IAmazonS3 _client;
    private readonly S3Location _location;
    private readonly S3Retry _retry;
    private readonly bool _ownsClient;

    /// <summary>Creates a store over an existing client (which the caller keeps and disposes).</summary>
    /// <param name="client">The S3 client.</param>
    /// <param name="location">The workspace, <c>s3://bucket/prefix</c>.</param>
    /// <param name="options">Upload and retry settings; endpoint and credentials are the client's.</param>
    public S3Store(IAmazonS3 client, string location, S3StoreOptions? options = null)
        : this(client, S3Location.Parse(location), S3Endpoint.Redact(client?.Config.ServiceURL ?? "AWS S3"), options ?? new S3StoreOptions(), ownsClient: false)
    {
    }

    internal S3Store(IAmazonS3 client, S3Location location, string endpoint, S3StoreOptions options, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (options.PartSize < 5L * 1024 * 1024 || options.MultipartThreshold < options.PartSize)
        {
            throw new ArgumentException("S3StoreOptions.PartSize must be at least 5 MiB and MultipartThreshold at least PartSize.", nameof(options));
        }

        _client = client;
        _location = location;
        _ownsClient = ownsClient;
        Options = options;
        Endpoint = endpoint;
        _retry = new S3Retry(options, endpoint);
    }

    /// <summary>The endpoint in messages (no credentials).</summary>
    public string Endpoint { get; }

    /// <summary>The bucket.</summary>
    public string Bucket => _location.Bucket;

    /// <summary>The key prefix of the workspace (no trailing slash; empty for the bucket root).</summary>
    public string Prefix => _location.Prefix;

    internal S3StoreOptions Options { get; }

    internal IAmazonS3 Client => _client;

    internal S3Retry Retry => _retry;

    /// <inheritdoc />
    public string Describe(string path) => $"s3://{_location.Bucket}/{Key(path)}";

    /// <inheritdoc />
    public async ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        await GetLastModifiedAsync(path, cancellationToken).ConfigureAwait(false) is not null;

    /// <inheritdoc />
    public async ValueTask<DateTimeOffset?> GetLastModifiedAsync(string path, CancellationToken cancellationToken)
    {
        var key = Key(path);
        return await _retry.RunAsync<DateTimeOffset?>(
            "HEAD",
            Describe(path),
            async ct =>
            {
                try
                {
                    var head = await _client.GetObjectMetadataAsync(_location.Bucket, key, ct).ConfigureAwait(false);
                    return head.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;
                }
                catch (AmazonS3Exception e) when (S3Retry.IsNotFound(e))
                {
                    return null;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The whole object is fetched inside the retry loop (into memory when small, else a temporary file),
    /// so a dropped connection is retried and readers get a seekable stream as from a local file.
    /// </remarks>
    public async ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var key = Key(path);
        var stream = await _retry.RunAsync<Stream?>(
            "GET",
            Describe(path),
            async ct =>
            {
                GetObjectResponse response;
                try
                {
                    response = await _client.GetObjectAsync(_location.Bucket, key, ct).ConfigureAwait(false);
                }
                catch (AmazonS3Exception e) when (S3Retry.IsNotFound(e))
                {
                    return null;
                }

                using (response)
                {
                    return await CopyBodyAsync(response, ct).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return stream ?? throw new FileNotFoundException($"No object at {Describe(path)}", Describe(path));
    }

    /// <inheritdoc />
    public ValueTask<IPendingWrite> BeginWriteAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IPendingWrite>(new S3PendingWrite(this, path, Key(path)));

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        // S3 deletes silently when nothing is there; the contract wants to know.
        if (!await ExistsAsync(path, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var key = Key(path);
        await _retry.RunAsync("DELETE", Describe(path), ct => _client.DeleteObjectAsync(_location.Bucket, key, ct), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoreEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _location.Bucket, Prefix = _location.KeyPrefix + prefix };
        var root = _location.KeyPrefix.Length;
        while (true)
        {
            var page = await _retry.RunAsync("LIST", $"s3://{_location.Bucket}/{request.Prefix}*", ct => _client.ListObjectsV2Async(request, ct), cancellationToken).ConfigureAwait(false);
            foreach (var o in page.S3Objects ?? [])
            {
                var modified = o.LastModified is { } m ? new DateTimeOffset(m.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;
                yield return new StoreEntry(o.Key[root..], o.Size ?? 0, modified);
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <summary>Disposes the client when this store created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private async Task<Stream> CopyBodyAsync(GetObjectResponse response, CancellationToken cancellationToken)
    {
        Stream copy = response.ContentLength <= Options.MemoryBufferLimit
            ? new MemoryStream((int)Math.Max(0, response.ContentLength))
            : new FileStream(System.IO.Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            using (var body = response.ResponseStream)
            {
                await body.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            }

            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal string Key(string path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.Split('/').Contains(".."))
        {
            throw new ArgumentException($"'{path}' is not a relative path inside the workspace {_location}.", nameof(path));
        }

        return _location.Key(path);
    }
}
