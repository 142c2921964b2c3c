namespace GoKart.Formats.Numpy;

/// <summary>How one .NET time type is stored as datetime64/timedelta64 values, and read back from ticks.</summary>
/// <typeparam name="T">DateTime, DateTimeOffset, DateOnly, TimeSpan or TimeOnly.</typeparam>
internal sealed class NpyTimeMapping<T>
    where T : struct
{
    public delegate bool ToUnits(T value, out long units);

    /// <summary>The value for ticks (since the Unix epoch for datetime64), or why there is none.</summary>
    public delegate string? FromTicks(long ticks, out T value);

    /// <summary>'M' for datetime64, 'm' for timedelta64.</summary>
    public required char Kind { get; init; }

    /// <summary>The dtype written (<c>&lt;M8[ns]</c>).</summary>
    public required string Descr { get; init; }

    /// <summary>What the written dtype holds, for errors (<c>datetime64[ns] (1677-09-21 to 2262-04-11)</c>).</summary>
    public required string Holds { get; init; }

    /// <summary>The range of <typeparamref name="T"/>, for errors (<c>DateTime's range (years 1 to 9999)</c>).</summary>
    public required string Range { get; init; }

    public required ToUnits Write { get; init; }

    public required FromTicks Read { get; init; }
}

/// <summary>The time types a table column stores as numpy datetime64/timedelta64.</summary>
internal static class NpyTimeMappings
{
    private const string DateTime64Holds = "datetime64[ns] (1677-09-21 to 2262-04-11)";
    private const string DateTimeRange = "DateTime's range (years 1 to 9999)";
    private const string DateTimeOffsetRange = "DateTimeOffset's range (years 1 to 9999)";
    private const string DateOnlyRange = "DateOnly's range (years 1 to 9999)";
    private const string TimeOnlyRange = "a time of day (TimeOnly holds 0 to 24 hours)";
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly long MaxTicksSinceEpoch = DateTime.MaxValue.Ticks - EpochTicks;
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>
    /// numpy's datetime64 has no time zone. Utc and Unspecified values are stored as their clock reading, Local ones
    /// are converted to UTC first; values read back have Kind Unspecified, as pandas' tz-naive timestamps.
    /// </summary>
    public static NpyTimeMapping<DateTime> DateTimes { get; } = new()
    {
        Kind = 'M',
        Descr = "<M8[ns]",
        Holds = DateTime64Holds,
        Range = DateTimeRange,
        Write = static (DateTime value, out long units) =>
            NpyTimeUnit.TryTicksToNanoseconds((value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks - EpochTicks, out units),
        Read = static (long ticks, out DateTime value) =>
        {
            var ok = ticks >= -EpochTicks && ticks <= MaxTicksSinceEpoch;
            value = ok ? new DateTime(EpochTicks + ticks, DateTimeKind.Unspecified) : default;
            return ok ? null : "is outside " + DateTimeRange;
        },
    };

    /// <summary>Stored as the UTC instant: the offset is not kept, values read back have offset zero.</summary>
    public static NpyTimeMapping<DateTimeOffset> DateTimeOffsets { get; } = new()
    {
        Kind = 'M',
        Descr = "<M8[ns]",
        Holds = DateTime64Holds,
        Range = DateTimeOffsetRange,
        Write = static (DateTimeOffset value, out long units) => NpyTimeUnit.TryTicksToNanoseconds(value.UtcTicks - EpochTicks, out units),
        Read = static (long ticks, out DateTimeOffset value) =>
        {
            var ok = ticks >= -EpochTicks && ticks <= MaxTicksSinceEpoch;
            value = ok ? new DateTimeOffset(EpochTicks + ticks, TimeSpan.Zero) : default;
            return ok ? null : "is outside " + DateTimeOffsetRange;
        },
    };

    public static NpyTimeMapping<DateOnly> Dates { get; } = new()
    {
        Kind = 'M',
        Descr = "<M8[D]",
        Holds = "datetime64[D]",
        Range = DateOnlyRange,
        Write = static (DateOnly value, out long units) =>
        {
            units = value.DayNumber - EpochDay;
            return true;
        },
        Read = static (long ticks, out DateOnly value) =>
        {
            value = default;
            if (ticks % TimeSpan.TicksPerDay != 0)
            {
                return "has a time of day, which DateOnly cannot hold (use DateTime, or normalize the dates first)";
            }

            var day = (ticks / TimeSpan.TicksPerDay) + EpochDay;
            if (day < DateOnly.MinValue.DayNumber || day > DateOnly.MaxValue.DayNumber)
            {
                return "is outside " + DateOnlyRange;
            }

            value = DateOnly.FromDayNumber((int)day);
            return null;
        },
    };

    public static NpyTimeMapping<TimeSpan> TimeSpans { get; } = new()
    {
        Kind = 'm',
        Descr = "<m8[ns]",
        Holds = "timedelta64[ns] (±292 years)",
        Range = "TimeSpan's range (±29,227 years)",
        Write = static (TimeSpan value, out long units) => NpyTimeUnit.TryTicksToNanoseconds(value.Ticks, out units),
        Read = static (long ticks, out TimeSpan value) =>
        {
            value = new TimeSpan(ticks);
            return null;
        },
    };

    /// <summary>A time of day as the timedelta since midnight (what pandas adds to a date).</summary>
    public static NpyTimeMapping<TimeOnly> TimesOfDay { get; } = new()
    {
        Kind = 'm',
        Descr = "<m8[ns]",
        Holds = "timedelta64[ns]",
        Range = TimeOnlyRange,
        Write = static (TimeOnly value, out long units) => NpyTimeUnit.TryTicksToNanoseconds(value.Ticks, out units),
        Read = static (long ticks, out TimeOnly value) =>
        {
            var ok = ticks >= 0 && ticks < TimeSpan.TicksPerDay;
            value = ok ? new TimeOnly(ticks) : default;
            return ok ? null : "is not " + TimeOnlyRange;
        },
    };

    /// <summary>The mapping of a time type (not nullable), or null.</summary>
    public static object? For(Type type) =>
        type == typeof(DateTime) ? DateTimes
        : type == typeof(DateTimeOffset) ? DateTimeOffsets
        : type == typeof(DateOnly) ? Dates
        : type == typeof(TimeSpan) ? TimeSpans
        : type == typeof(TimeOnly) ? TimesOfDay
        : null;
}
