namespace GoKart.Locking;

/// <summary>
/// Named locks shared by every process working on a workspace (gokart's Redis conflict prevention).
/// Keys are <c>&lt;ClassName&gt;_&lt;id&gt;</c> for an output and <c>&lt;ClassName&gt;_&lt;id&gt;-run</c> for running.
/// Implementations: <see cref="InProcessTaskLock"/>, and Redis in its own package.
/// </summary>
public interface ITaskLock
{
    /// <summary>Waits until the lock is held; dispose the result to release it.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);

    /// <summary>Takes the lock if it is free now; null when another holder has it.</summary>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken);
}
