namespace GoKart.Storage;

/// <summary>Turns a workspace location into a store: the first provider that accepts it, else a local folder.</summary>
internal static class WorkspaceLocation
{
    public static IWorkspaceStore Open(string location, IReadOnlyList<IWorkspaceStoreProvider> providers)
    {
        foreach (var provider in providers)
        {
            if (provider.CanOpen(location))
            {
                return provider.Open(location);
            }
        }

        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            throw new ArgumentException(
                $"No workspace provider for '{location[..scheme]}://' (workspace '{location}'). "
                + "Add the backend package's provider to BuildOptions.StoreProviders, e.g. new S3StoreProvider() from GoKart.S3.");
        }

        return new LocalFileStore(location);
    }
}
