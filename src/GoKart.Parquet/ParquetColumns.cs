using System.Reflection;
using Parquet.Schema;

namespace GoKart.Parquet;

/// <summary>
/// Which parquet column a property type becomes. Numbers, bool, decimal (38, 18), Guid (UUID) and DateOnly (DATE) as
/// they are; Half as float; DateTime as a tz-naive TIMESTAMP(NANOS) (Local converted to UTC first, read back
/// Unspecified; written as int64 nanoseconds, see <see cref="TimestampColumn{TProp}"/>); DateTimeOffset as a
/// UTC-adjusted TIMESTAMP(MILLIS), the unit of Parquet.Net's own timestamp statistics (read back with offset zero);
/// TimeOnly as INT64 microseconds since midnight;
/// TimeSpan as int64 nanoseconds; string, char and enums (by name) as UTF-8 strings.
/// </summary>
internal static class ParquetColumns
{
    private static readonly long MinNanosecondTicks = DateTime.UnixEpoch.Ticks + (long.MinValue / 100);
    private static readonly long MaxNanosecondTicks = DateTime.UnixEpoch.Ticks + (long.MaxValue / 100);
    private static readonly decimal DecimalLimit = 100_000_000_000_000_000_000m;

    /// <summary>The column for a property, or null when parquet cannot hold its type.</summary>
    public static ParquetColumn? TryCreate(Type type, string name, string typeName, bool allowsNull)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var plain = underlying ?? type;
        var nullable = underlying is not null;
        if (type == typeof(string))
        {
            return new StringColumn<string?>(name, typeName, allowsNull, static s => s, static s => s);
        }

        if (plain.IsEnum)
        {
            return (ParquetColumn)typeof(ParquetColumns).GetMethod(nameof(Enum), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(plain).Invoke(null, [name, typeName, allowsNull, nullable])!;
        }

        if (plain == typeof(char))
        {
            return nullable
                ? new StringColumn<char?>(name, typeName, true, static c => c?.ToString(), static t => Char(t))
                : new StringColumn<char>(name, typeName, false, static c => c.ToString(), static t => Char(t));
        }

        if (plain == typeof(double))
        {
            return Struct<double, double>(name, typeName, nullable, new DataField<double>(name, nullable), static v => v, static v => v, double.NaN);
        }

        if (plain == typeof(float))
        {
            return Struct<float, float>(name, typeName, nullable, new DataField<float>(name, nullable), static v => v, static v => v, float.NaN);
        }

        if (plain == typeof(Half))
        {
            return Struct<Half, float>(name, typeName, nullable, new DataField<float>(name, nullable), static v => (float)v, static v => (Half)v, Half.NaN);
        }

        if (plain == typeof(decimal))
        {
            return Struct<decimal, decimal>(name, typeName, nullable, new DecimalDataField(name, 38, 18, false, nullable), CheckDecimal, static v => v, null);
        }

        if (plain == typeof(DateTime))
        {
            var read = Struct<DateTime, DateTime>(
                name, typeName, nullable, new DateTimeDataField(name, DateTimeFormat.Timestamp, false, DateTimeTimeUnit.Nanos, nullable),
                static v => v, static v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), null);
            return nullable
                ? new TimestampColumn<DateTime?>(read, static v => v is { } x ? Nanoseconds(x) : null)
                : new TimestampColumn<DateTime>(read, static v => Nanoseconds(v));
        }

        if (plain == typeof(DateTimeOffset))
        {
            return Struct<DateTimeOffset, DateTime>(
                name, typeName, nullable, new DateTimeDataField(name, DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Millis, nullable),
                static v => CheckMilliseconds(v.UtcDateTime),
                static v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)),
                null);
        }

        if (plain == typeof(TimeOnly))
        {
            return Struct<TimeOnly, long>(name, typeName, nullable, new DataField<TimeOnly>(name, nullable), TimeToMicroseconds, MicrosecondsToTime, null);
        }

        if (plain == typeof(TimeSpan))
        {
            return Struct<TimeSpan, long>(name, typeName, nullable, new DataField<long>(name, nullable), SpanToNanoseconds, static v => TimeSpan.FromTicks(v / 100), null);
        }

        return IsNative(plain)
            ? (ParquetColumn)typeof(ParquetColumns).GetMethod(nameof(Native), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(plain).Invoke(null, [name, typeName, nullable])!
            : null;
    }

    private static bool IsNative(Type type) =>
        type == typeof(bool) || type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort)
        || type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong) || type == typeof(Guid) || type == typeof(DateOnly);

    private static ParquetColumn Native<T>(string name, string typeName, bool nullable)
        where T : struct =>
        Struct<T, T>(name, typeName, nullable, new DataField<T>(name, nullable), static v => v, static v => v, null);

    private static ParquetColumn Struct<T, TStore>(string name, string typeName, bool nullable, DataField field, Func<T, TStore> toStore, Func<TStore, T> fromStore, T? nullValue)
        where T : struct
        where TStore : struct =>
        nullable
            ? new StructColumn<T?, TStore>(name, typeName, true, field, v => v is { } x ? toStore(x) : null, v => fromStore(v), false, null)
            : new StructColumn<T, TStore>(name, typeName, false, field, v => toStore(v), fromStore, nullValue.HasValue, nullValue ?? default);

    private static ParquetColumn Enum<TEnum>(string name, string typeName, bool allowsNull, bool nullable)
        where TEnum : struct, Enum =>
        nullable
            ? new StringColumn<TEnum?>(name, typeName, allowsNull, static v => v?.ToString(), static t => System.Enum.Parse<TEnum>(t))
            : new StringColumn<TEnum>(name, typeName, allowsNull, static v => v.ToString(), static t => System.Enum.Parse<TEnum>(t));

    private static char Char(string text) => text.Length == 1 ? text[0] : throw new FormatException();

    private static decimal CheckDecimal(decimal value) =>
        Math.Abs(value) < DecimalLimit && decimal.Round(value, 18) == value
            ? value
            : throw new ArgumentException($"{value} does not fit parquet's DECIMAL(38, 18) (at most 20 integer and 18 fractional digits).");

    // The npz rule: a Local time is stored as its UTC time, Utc and Unspecified ones as they read.
    private static long Nanoseconds(DateTime value)
    {
        var ticks = (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks;
        return ticks >= MinNanosecondTicks && ticks <= MaxNanosecondTicks
            ? (ticks - DateTime.UnixEpoch.Ticks) * 100
            : throw new ArgumentException($"{value:O} is outside TIMESTAMP(NANOS) (1677-09-21 to 2262-04-11, as pandas' datetime64[ns]).");
    }

    private static DateTime CheckMilliseconds(DateTime value) =>
        value.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? value
            : throw new ArgumentException($"{value:O} has sub-millisecond ticks, which a DateTimeOffset column (TIMESTAMP(MILLIS)) cannot hold.");

    private static long TimeToMicroseconds(TimeOnly value) =>
        value.Ticks % 10 == 0
            ? value.Ticks / 10
            : throw new ArgumentException($"{value:O} has sub-microsecond ticks, which TIME(MICROS) cannot hold.");

    private static TimeOnly MicrosecondsToTime(long micros) =>
        micros >= 0 && micros < TimeOnly.MaxValue.Ticks / 10 + 1
            ? new TimeOnly(micros * 10)
            : throw new ArgumentException($"{micros} microseconds is not a time of day.");

    private static long SpanToNanoseconds(TimeSpan value) =>
        value.Ticks >= long.MinValue / 100 && value.Ticks <= long.MaxValue / 100
            ? value.Ticks * 100
            : throw new ArgumentException($"{value} does not fit int64 nanoseconds.");
}
