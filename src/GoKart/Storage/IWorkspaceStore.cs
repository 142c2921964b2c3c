namespace GoKart.Storage;

/// <summary>
/// Where a workspace's files live. Paths are relative, '/'-separated keys (<c>__main__/Example_&lt;id&gt;.json</c>).
/// Implementations: <see cref="LocalFileStore"/>, <see cref="InMemoryStore"/>, and S3 in its own package.
/// Every backend passes the same contract test suite.
/// </summary>
public interface IWorkspaceStore
{
    /// <summary>The full location of a path for messages and logs (<c>resources/a.json</c>, <c>s3://b/p/a.json</c>).</summary>
    string Describe(string path);

    /// <summary>Whether a complete object exists at the path.</summary>
    ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken);

    /// <summary>When the object was last written, or null when it does not exist.</summary>
    ValueTask<DateTimeOffset?> GetLastModifiedAsync(string path, CancellationToken cancellationToken);

    /// <summary>Opens an object for reading; <see cref="FileNotFoundException"/> naming it when it does not exist.</summary>
    ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Starts an all-or-nothing write: nothing is visible under <paramref name="path"/> until
    /// <see cref="IPendingWrite.CommitAsync"/>, and disposing without committing discards it.
    /// </summary>
    ValueTask<IPendingWrite> BeginWriteAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a small object that no run ever takes for a task's output (a run log) in one call. The default goes
    /// through <see cref="BeginWriteAsync"/>; a store may instead write it in place when that is cheaper. A crash
    /// may then leave the object absent, empty or cut short, which is acceptable only because nothing decides
    /// completion from it: never use this for an output.
    /// </summary>
    async ValueTask WriteSmallAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var write = await BeginWriteAsync(path, cancellationToken).ConfigureAwait(false);
        await using (write.ConfigureAwait(false))
        {
            await write.Stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes an object; false when there was none.</summary>
    ValueTask<bool> DeleteAsync(string path, CancellationToken cancellationToken);

    /// <summary>Lists complete objects whose path starts with <paramref name="prefix"/> (empty for all).</summary>
    IAsyncEnumerable<StoreEntry> ListAsync(string prefix, CancellationToken cancellationToken);
}
