namespace GoKart.S3;

/// <summary>A parsed <c>s3://bucket/prefix</c> location.</summary>
internal sealed record S3Location(string Bucket, string Prefix)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string location) => location.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static S3Location Parse(string location)
    {
        if (!IsS3(location))
        {
            throw new ArgumentException($"Workspace '{location}' is not an s3:// location.", nameof(location));
        }

        var rest = location[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..].Trim('/');
        if (bucket.Length == 0 || bucket.Contains('@', StringComparison.Ordinal) || bucket.Contains(':', StringComparison.Ordinal))
        {
            // '@' or ':' would mean credentials or a port in the location; refuse rather than echo them.
            throw new ArgumentException("Workspace location must look like s3://bucket/prefix (no credentials or host in it).", nameof(location));
        }

        return new S3Location(bucket, prefix);
    }

    public string Key(string path) => Prefix.Length == 0 ? path : Prefix + "/" + path;

    public string KeyPrefix => Prefix.Length == 0 ? string.Empty : Prefix + "/";

    public override string ToString() => Scheme + Bucket + (Prefix.Length == 0 ? string.Empty : "/" + Prefix);
}
