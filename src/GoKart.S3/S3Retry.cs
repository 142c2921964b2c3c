using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace GoKart.S3;

/// <summary>Retries transient S3 failures with exponential backoff and turns the final failure into a clear message.</summary>
internal sealed class S3Retry(S3StoreOptions options, string endpoint)
{
    public async Task<T> RunAsync<T>(string operation, string target, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var delay = options.RetryDelay;
        var attempts = Math.Max(1, options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTransient(e) && attempt < attempts)
            {
                await Task.Delay(delay, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is AmazonServiceException or HttpRequestException or IOException or SocketException or OperationCanceledException)
            {
                throw Describe(operation, target, e, attempt);
            }
        }
    }

    public async Task RunAsync(string operation, string target, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        await RunAsync<bool>(
            operation,
            target,
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    public static bool IsNotFound(Exception e) =>
        e is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound } s3 && s3.ErrorCode is null or "NoSuchKey" or "NotFound" or "404";

    internal static bool IsTransient(Exception e) => e switch
    {
        AmazonServiceException s => (int)s.StatusCode >= 500 || s.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            || s.ErrorCode is "SlowDown" or "RequestTimeout" || (s.StatusCode == 0 && s.InnerException is not null && IsTransient(s.InnerException)),
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        OperationCanceledException => true, // the SDK's request timeout surfaces as a cancellation we did not ask for
        AmazonClientException c => c.InnerException is not null && IsTransient(c.InnerException),
        _ => false,
    };

    private S3StoreException Describe(string operation, string target, Exception e, int attempts)
    {
        var reason = e switch
        {
            AmazonS3Exception { ErrorCode: "NoSuchBucket" } => "the bucket does not exist",
            AmazonServiceException s when s.ErrorCode is "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied" or "ExpiredToken" || s.StatusCode == HttpStatusCode.Forbidden =>
                $"access denied ({s.ErrorCode ?? "HTTP 403"}); check the AWS credentials and their permissions",
            AmazonServiceException s => $"{s.ErrorCode ?? "error"} (HTTP {(int)s.StatusCode}): {s.Message}",
            _ => $"{e.GetType().Name}: {Innermost(e).Message}",
        };
        var tries = attempts == 1 ? string.Empty : $" after {attempts} attempts";
        return new S3StoreException($"S3 {operation} of {target} at {endpoint} failed{tries}: {reason}", e);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
