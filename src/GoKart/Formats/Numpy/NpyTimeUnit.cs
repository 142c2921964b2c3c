namespace GoKart.Formats.Numpy;

/// <summary>
/// A numpy datetime64 (<c>&lt;M8[unit]</c>) or timedelta64 (<c>&lt;m8[unit]</c>) dtype, whose values are int64
/// counts of the unit (since the Unix epoch for datetime64), converted exactly to .NET's 100 ns ticks.
/// </summary>
internal readonly record struct NpyTimeUnit(char Kind, long NanosecondsPer)
{
    /// <summary>numpy's Not-a-Time, its missing value.</summary>
    public const long NaT = long.MinValue;

    /// <summary>The units read; months and years have no fixed length, and units finer than ns are out of .NET's reach.</summary>
    public const string Units = "W, D, h, m, s, ms, us or ns units";

    private const long NanosecondsPerDay = 86_400_000_000_000;

    /// <summary>The dtype of a descr, or null when it is not a little-endian datetime64/timedelta64 with a unit read here.</summary>
    public static NpyTimeUnit? Parse(string descr)
    {
        if (descr.Length < 6 || descr[0] is not ('<' or '=' or '|') || descr[1] is not ('M' or 'm') || descr[2] != '8' || descr[3] != '[' || descr[^1] != ']')
        {
            return null;
        }

        long? nanoseconds = descr[4..^1] switch
        {
            "W" => 7 * NanosecondsPerDay,
            "D" => NanosecondsPerDay,
            "h" => 3_600_000_000_000,
            "m" => 60_000_000_000,
            "s" => 1_000_000_000,
            "ms" => 1_000_000,
            "us" => 1_000,
            "ns" => 1,
            _ => null,
        };
        return nanoseconds is { } n ? new NpyTimeUnit(descr[1], n) : null;
    }

    /// <summary>The value in ticks; false when it overflows 64-bit ticks, or (ns) is not a whole number of ticks.</summary>
    public bool TryToTicks(long value, out long ticks, out bool finerThanTick)
    {
        finerThanTick = false;
        ticks = 0;
        if (NanosecondsPer % TimeSpan.NanosecondsPerTick == 0)
        {
            var per = NanosecondsPer / TimeSpan.NanosecondsPerTick;
            if (value > long.MaxValue / per || value < long.MinValue / per)
            {
                return false;
            }

            ticks = value * per;
            return true;
        }

        // Only ns is finer than a tick: exact when a whole number of 100 ns.
        finerThanTick = value % TimeSpan.NanosecondsPerTick != 0;
        ticks = value / TimeSpan.NanosecondsPerTick;
        return !finerThanTick;
    }

    /// <summary>Ticks as nanoseconds; false outside ±292 years (numpy's [ns] range), which never yields NaT.</summary>
    public static bool TryTicksToNanoseconds(long ticks, out long nanoseconds)
    {
        var fits = ticks <= long.MaxValue / TimeSpan.NanosecondsPerTick && ticks >= long.MinValue / TimeSpan.NanosecondsPerTick;
        nanoseconds = fits ? ticks * TimeSpan.NanosecondsPerTick : 0;
        return fits;
    }
}
