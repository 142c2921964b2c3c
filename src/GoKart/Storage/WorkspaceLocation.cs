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
                try
                {
                    return provider.Open(location);
                }
                catch (ArgumentException e)
                {
                    // A provider rejects a malformed location with ArgumentException; for the user it is bad configuration.
                    throw new GoKartConfigurationException($"Workspace '{location}': {ProviderMessages.Reason(e)}", e);
                }
            }
        }

        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var known = ProviderMessages.Tried(providers);
            throw new GoKartConfigurationException(
                $"No workspace provider opens '{location[..scheme]}://' (workspace '{location}'); {known}. "
                + "Add the backend package's provider to BuildOptions.StoreProviders (for Kart.Run: CommandLineOptions.BuildOptions), "
                + "e.g. new S3StoreProvider() from GoKart.S3 for s3://, or give a local folder.");
        }

        return new LocalFileStore(location);
    }
}
