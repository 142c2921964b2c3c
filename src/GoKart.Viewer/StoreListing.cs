using GoKart.Storage;

namespace GoKart.Viewer;

/// <summary>Any store (S3, in-memory, ...): one listing of the whole workspace; every parsed log is stamped by its size and time.</summary>
internal static class StoreListing
{
    public static async Task<(ScanListing Listing, Dictionary<string, long> Files)> ListAsync(IWorkspaceStore store, RunCache.Contents cached, CancellationToken cancellationToken)
    {
        var listing = new ScanListing();
        var files = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var entry in store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            if (!entry.Path.StartsWith(LogFileName.Root, StringComparison.Ordinal))
            {
                files[entry.Path] = entry.Size;
                continue;
            }

            if (!LogFileName.TryParse(entry.Path, out var kind, out var taskName, out var id, out var reason))
            {
                listing.Problems.Add(new LogProblem(store.Describe(entry.Path), reason));
                continue;
            }

            listing.GetOrAdd(taskName, id).Add(Array.IndexOf(LogFileName.All, kind), entry.Size, entry.LastModified.UtcTicks);
        }

        foreach (var record in cached.Runs)
        {
            if (listing.ByKey.TryGetValue(string.Concat(record.TaskName, "_", record.Id), out var run))
            {
                run.Cached = record;
            }
        }

        return (listing, files);
    }

    /// <summary>Every file outside <c>log/</c> with its size (for logs that predate recorded output paths).</summary>
    public static async Task<Dictionary<string, long>> ListOutputsAsync(IWorkspaceStore store, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var entry in store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            if (!entry.Path.StartsWith(LogFileName.Root, StringComparison.Ordinal))
            {
                files[entry.Path] = entry.Size;
            }
        }

        return files;
    }
}
