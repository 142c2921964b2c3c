namespace GoKart.Storage;

/// <summary>An object being written. Visible only after <see cref="CommitAsync"/>; discarded when disposed before.</summary>
public interface IPendingWrite : IAsyncDisposable
{
    /// <summary>The stream to write the object's bytes to.</summary>
    Stream Stream { get; }

    /// <summary>The destination path.</summary>
    string Path { get; }

    /// <summary>Publishes the object atomically under its path, replacing any previous one.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken);
}
