using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace GoKart.Storage;

/// <summary>A workspace in memory: the twin of <see cref="LocalFileStore"/> for tests and notebooks.</summary>
public sealed class InMemoryStore : IWorkspaceStore
{
    private readonly ConcurrentDictionary<string, (byte[] Bytes, DateTimeOffset Modified)> _objects = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates an empty store.</summary>
    public InMemoryStore(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>Number of stored objects.</summary>
    public int Count => _objects.Count;

    /// <inheritdoc />
    public string Describe(string path) => "memory://" + path;

    /// <inheritdoc />
    public ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_objects.ContainsKey(path));

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetLastModifiedAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DateTimeOffset?>(_objects.TryGetValue(path, out var o) ? o.Modified : null);

    /// <inheritdoc />
    public ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) =>
        _objects.TryGetValue(path, out var o)
            ? ValueTask.FromResult<Stream>(new MemoryStream(o.Bytes, writable: false))
            : throw new FileNotFoundException($"No object at {Describe(path)}", Describe(path));

    /// <inheritdoc />
    public ValueTask<IPendingWrite> BeginWriteAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IPendingWrite>(new PendingObject(this, path));

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_objects.TryRemove(path, out _));

    /// <inheritdoc />
    public async IAsyncEnumerable<StoreEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var (path, o) in _objects.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return new StoreEntry(path, o.Bytes.LongLength, o.Modified);
            }
        }
    }

    private sealed class PendingObject(InMemoryStore store, string path) : IPendingWrite
    {
        private readonly MemoryStream _buffer = new();

        public Stream Stream => _buffer;

        public string Path => path;

        public ValueTask CommitAsync(CancellationToken cancellationToken)
        {
            store._objects[path] = (_buffer.ToArray(), store._time.GetUtcNow());
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => _buffer.DisposeAsync();
    }
}
