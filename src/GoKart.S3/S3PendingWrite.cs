using Amazon.S3.Model;
using GoKart.Storage;

namespace GoKart.S3;

/// <summary>
/// An object being written: buffered (memory, then a temporary file) until commit, which uploads it in one
/// PUT or, past the multipart threshold, in parts completed at the end. Nothing exists under the key before
/// that, and a failed multipart upload is aborted so no part lingers.
/// </summary>
internal sealed class S3PendingWrite(S3Store store, string path, string key) : IPendingWrite
{
    private readonly SpillBuffer _buffer = new(store.Options.MemoryBufferLimit);
    private bool _committed;

    public Stream Stream => _buffer;

    public string Path => path;

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        await _buffer.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_buffer.Length < store.Options.MultipartThreshold)
        {
            await PutAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await MultipartAsync(cancellationToken).ConfigureAwait(false);
        }

        _committed = true;
    }

    public ValueTask DisposeAsync() => _buffer.DisposeAsync();

    private Task<PutObjectResponse> PutAsync(CancellationToken cancellationToken) =>
        store.Retry.RunAsync(
            "PUT",
            store.Describe(path),
            ct =>
            {
                _buffer.Position = 0;
                var request = new PutObjectRequest
                {
                    BucketName = store.Bucket,
                    Key = key,
                    InputStream = _buffer,
                    AutoCloseStream = false,
                    AutoResetStreamPosition = false,
                    UseChunkEncoding = false,
                };
                return store.Client.PutObjectAsync(request, ct);
            },
            cancellationToken);

    private async Task MultipartAsync(CancellationToken cancellationToken)
    {
        var target = store.Describe(path);
        var start = await store.Retry.RunAsync(
            "multipart start",
            target,
            ct => store.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = store.Bucket, Key = key }, ct),
            cancellationToken).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            var part = new byte[store.Options.PartSize];
            _buffer.Position = 0;
            for (var number = 1; _buffer.Position < _buffer.Length; number++)
            {
                var length = await _buffer.ReadAtLeastAsync(part, part.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                var partNumber = number;
                var uploaded = await store.Retry.RunAsync(
                    $"multipart part {partNumber}",
                    target,
                    ct => store.Client.UploadPartAsync(
                        new UploadPartRequest
                        {
                            BucketName = store.Bucket,
                            Key = key,
                            UploadId = start.UploadId,
                            PartNumber = partNumber,
                            InputStream = new MemoryStream(part, 0, length, writable: false),
                            PartSize = length,
                            UseChunkEncoding = false,
                        },
                        ct),
                    cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag(partNumber, uploaded.ETag));
            }

            await store.Retry.RunAsync(
                "multipart complete",
                target,
                ct => store.Client.CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest { BucketName = store.Bucket, Key = key, UploadId = start.UploadId, PartETags = parts },
                    ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await AbortAsync(start.UploadId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task AbortAsync(string uploadId)
    {
        try
        {
            // Not cancellable on purpose: a cancelled build must still clean its parts up.
            await store.Client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = store.Bucket, Key = key, UploadId = uploadId },
                CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort: the original failure is the one to report; bucket lifecycle rules reap leftovers.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
