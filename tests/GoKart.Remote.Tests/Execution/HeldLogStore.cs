using GoKart.Storage;

namespace GoKart.Remote.Tests.Execution;

/// <summary>
/// A store that holds back run-log writes (<c>log/...</c>) until <see cref="Release"/>: pins the moment a
/// server dies to "outputs published, logs still queued" without depending on thread timing.
/// </summary>
public sealed class HeldLogStore(IWorkspaceStore inner) : IWorkspaceStore
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _released.TrySetResult();

    public string Describe(string path) => inner.Describe(path);

    public ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) => inner.ExistsAsync(path, cancellationToken);

    public ValueTask<DateTimeOffset?> GetLastModifiedAsync(string path, CancellationToken cancellationToken) => inner.GetLastModifiedAsync(path, cancellationToken);

    public ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) => inner.OpenReadAsync(path, cancellationToken);

    public async ValueTask<IPendingWrite> BeginWriteAsync(string path, CancellationToken cancellationToken)
    {
        if (path.StartsWith("log/", StringComparison.Ordinal))
        {
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        }

        return await inner.BeginWriteAsync(path, cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(string path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);

    public IAsyncEnumerable<StoreEntry> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}
