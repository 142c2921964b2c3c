using GoKart.Storage;

namespace GoKart.Viewer.Tests;

/// <summary>A store that counts the objects opened for reading.</summary>
public sealed class CountingStore(IWorkspaceStore inner) : IWorkspaceStore
{
    public int Reads { get; set; }

    public string Describe(string path) => inner.Describe(path);

    public ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) => inner.ExistsAsync(path, cancellationToken);

    public ValueTask<DateTimeOffset?> GetLastModifiedAsync(string path, CancellationToken cancellationToken) => inner.GetLastModifiedAsync(path, cancellationToken);

    public ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        Reads++;
        return inner.OpenReadAsync(path, cancellationToken);
    }

    public ValueTask<IPendingWrite> BeginWriteAsync(string path, CancellationToken cancellationToken) => inner.BeginWriteAsync(path, cancellationToken);

    public ValueTask<bool> DeleteAsync(string path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);

    public IAsyncEnumerable<StoreEntry> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}

/// <summary>Runs equal field by field (lists compared by content).</summary>
public sealed class RunEquality : IEqualityComparer<TaskRun>
{
    public bool Equals(TaskRun? x, TaskRun? y) =>
        x is not null && y is not null && x.Id == y.Id && x.TaskName == y.TaskName && x.TypeName == y.TypeName && x.Namespace == y.Namespace
        && x.Parameters.SequenceEqual(y.Parameters) && x.Start == y.Start && x.End == y.End && x.ProcessingTime == y.ProcessingTime
        && x.RandomSeed == y.RandomSeed && x.Outputs.SequenceEqual(y.Outputs) && (x.Requires ?? []).SequenceEqual(y.Requires ?? []) && x.LogPaths.SequenceEqual(y.LogPaths) && x.LogMask == y.LogMask;

    public int GetHashCode(TaskRun obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
}
