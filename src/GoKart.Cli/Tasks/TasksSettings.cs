using GoKart.S3;
using GoKart.Viewer;

namespace GoKart.Cli.Tasks;

/// <summary>The workspace a <c>gokart tasks</c> verb reads: the argument, else GOKART_WORKSPACE, else ./resources.</summary>
internal static class TasksSettings
{
    public static string Workspace(string? given) =>
        given ?? (Environment.GetEnvironmentVariable("GOKART_WORKSPACE") is { Length: > 0 } env ? env : "resources");

    /// <summary>Opens the index with every provider the tool ships (s3:// reads the AWS environment: AWS_ENDPOINT_URL, keys, region).</summary>
    public static WorkspaceIndex Open(string workspace) =>
        WorkspaceIndex.Open(workspace, new WorkspaceIndexOptions
        {
            StoreProviders = [new S3StoreProvider()],
            CacheDirectory = Environment.GetEnvironmentVariable("GOKART_CACHE_DIR") is { Length: > 0 } dir ? dir : null,
        });
}
