namespace GoKart.S3;

/// <summary>Endpoint text for messages, with any user-info (credentials) removed.</summary>
internal static class S3Endpoint
{
    public static string Redact(string endpoint)
    {
        if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0)
        {
            return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
        }

        return endpoint;
    }
}
