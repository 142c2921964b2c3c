using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using GoKart.Storage;

namespace GoKart.S3;

/// <summary>
/// Opens <c>s3://bucket/prefix</c> workspaces (AWS, MinIO, GCS interop, any S3-compatible server) with the
/// same layout, formats and logs as a local one.
/// </summary>
/// <example>
/// <code>
/// Kart.Build(task, new BuildOptions { Workspace = "s3://my-bucket/experiments", StoreProviders = [new S3StoreProvider()] });
/// </code>
/// </example>
public sealed class S3StoreProvider : IWorkspaceStoreProvider
{
    private readonly S3StoreOptions _options;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the provider; without options everything comes from the AWS environment and config.</summary>
    public S3StoreProvider(S3StoreOptions? options = null)
        : this(options, Environment.GetEnvironmentVariable)
    {
    }

    internal S3StoreProvider(S3StoreOptions? options, Func<string, string?> environment)
    {
        _options = options ?? new S3StoreOptions();
        _environment = environment;
    }

    /// <inheritdoc />
    public bool CanOpen(string location) => location is not null && S3Location.IsS3(location);

    /// <inheritdoc />
    public IWorkspaceStore Open(string location)
    {
        var parsed = S3Location.Parse(location);
        var endpoint = ResolveEndpoint();
        var config = new AmazonS3Config
        {
            MaxErrorRetry = 0, // S3Store retries itself, so that the message can say how often it tried.
            Timeout = _options.RequestTimeout,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        var region = _options.Region ?? _environment("AWS_REGION") ?? _environment("AWS_DEFAULT_REGION");
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = _options.ForcePathStyle ?? true;
            config.AuthenticationRegion = region ?? "us-east-1";
        }
        else
        {
            config.ForcePathStyle = _options.ForcePathStyle ?? false;
            if (region is not null)
            {
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            }
        }

        var client = _options.Credentials is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
        return new S3Store(client, parsed, S3Endpoint.Redact(endpoint ?? "AWS S3"), _options, ownsClient: true);
    }

    private string? ResolveEndpoint()
    {
        var url = _options.ServiceUrl ?? _environment("AWS_ENDPOINT_URL_S3") ?? _environment("AWS_ENDPOINT_URL");
        return string.IsNullOrWhiteSpace(url) ? null : url;
    }
}
