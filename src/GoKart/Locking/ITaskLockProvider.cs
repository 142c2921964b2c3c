namespace GoKart.Locking;

/// <summary>
/// Opens the shared lock named by <see cref="BuildOptions.LockLocation"/> (<c>redis://host:port</c>, which the
/// command line builds from gokart's <c>redis_host</c> and <c>redis_port</c>). Backend packages ship one (for
/// example <c>RedisTaskLockProvider</c> in GoKart.Redis), so the core needs no reference to them.
/// </summary>
public interface ITaskLockProvider
{
    /// <summary>Whether this provider handles the location (usually by its scheme).</summary>
    bool CanOpen(string location);

    /// <summary>
    /// Opens the lock; a malformed location is an <see cref="ArgumentException"/> naming it. The build disposes
    /// the lock when it ends if it is <see cref="IAsyncDisposable"/>.
    /// </summary>
    ITaskLock Open(string location);
}
