namespace GoKart.Storage;

/// <summary>
/// Opens workspaces given as a location string (<c>s3://bucket/prefix</c>) for <see cref="BuildOptions.Workspace"/>,
/// <c>--workspace</c> and config files. Backend packages ship one (for example <c>S3StoreProvider</c>);
/// a plain path always opens a <see cref="LocalFileStore"/>.
/// </summary>
public interface IWorkspaceStoreProvider
{
    /// <summary>Whether this provider handles the location (usually by its scheme).</summary>
    bool CanOpen(string location);

    /// <summary>Opens the store; errors name the location and never contain credentials.</summary>
    IWorkspaceStore Open(string location);
}
