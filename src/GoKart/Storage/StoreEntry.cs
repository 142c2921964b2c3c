namespace GoKart.Storage;

/// <summary>An object in a workspace store.</summary>
/// <param name="Path">Relative, '/'-separated path.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="LastModified">When it was last written.</param>
public readonly record struct StoreEntry(string Path, long Size, DateTimeOffset LastModified);
