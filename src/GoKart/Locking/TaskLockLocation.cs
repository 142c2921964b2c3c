namespace GoKart.Locking;

/// <summary>Turns a lock location into a lock: the first provider that accepts it.</summary>
internal static class TaskLockLocation
{
    public static ITaskLock Open(string location, IReadOnlyList<ITaskLockProvider> providers)
    {
        foreach (var provider in providers)
        {
            if (provider.CanOpen(location))
            {
                try
                {
                    return provider.Open(location);
                }
                catch (ArgumentException e)
                {
                    throw new GoKartConfigurationException($"Lock location '{location}': {ProviderMessages.Reason(e)}", e);
                }
            }
        }

        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        var what = scheme > 0 ? $"'{location[..scheme]}://'" : $"'{location}'";
        var known = ProviderMessages.Tried(providers);
        throw new GoKartConfigurationException(
            $"No lock provider opens {what} (lock location '{location}', from redis_host/redis_port or BuildOptions.LockLocation); {known}. "
            + "Add new RedisTaskLockProvider() from GoKart.Redis to BuildOptions.LockProviders (for Kart.Run: CommandLineOptions.BuildOptions).");
    }
}
