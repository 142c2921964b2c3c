namespace GoKart.Redis;

/// <summary>Lua run atomically on the server so that only the holder (by token) extends or frees a lock.</summary>
internal static class RedisScripts
{
    public const string Release = """
        if redis.call('get', KEYS[1]) == ARGV[1] then
          return redis.call('del', KEYS[1])
        end
        return 0
        """;

    public const string Extend = """
        if redis.call('get', KEYS[1]) == ARGV[1] then
          return redis.call('pexpire', KEYS[1], ARGV[2])
        end
        return 0
        """;
}
