using System.Reflection;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace GoKart.Arrow;

/// <summary>
/// Which Arrow column a property type becomes: numbers, bool and Half as they are; decimal as decimal128(38, 18);
/// string, char, enums (by name) and Guid as utf8; DateTime as a tz-naive timestamp[ns] (Local converted to UTC
/// first, read back Unspecified); DateTimeOffset as timestamp[ns, UTC] (read back with offset zero); DateOnly as
/// date32; TimeOnly as time64[ns]; TimeSpan as duration[ns]. Loads accept any time unit.
/// </summary>
internal static class ArrowColumns
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private static readonly decimal DecimalLimit = 100_000_000_000_000_000_000m;
    private static readonly Decimal128Type DecimalType = new(38, 18);

    /// <summary>The column for a property, or null when Arrow cannot hold its type.</summary>
    public static ArrowColumn? TryCreate(Type type, string name, string typeName, bool allowsNull)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var plain = underlying ?? type;
        var nullable = underlying is not null;
        if (type == typeof(string))
        {
            return Text<string?>(name, typeName, allowsNull, static s => s, static s => s);
        }

        if (plain.IsEnum)
        {
            return (ArrowColumn)typeof(ArrowColumns).GetMethod(nameof(Enum), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(plain).Invoke(null, [name, typeName, nullable])!;
        }

        return plain switch
        {
            _ when plain == typeof(char) => nullable
                ? Text<char?>(name, typeName, true, static c => c?.ToString(), static t => Char(t))
                : Text<char>(name, typeName, false, static c => c.ToString(), static t => Char(t)),
            _ when plain == typeof(Guid) => nullable
                ? Text<Guid?>(name, typeName, true, static g => g?.ToString(), static t => Guid.Parse(t))
                : Text<Guid>(name, typeName, false, static g => g.ToString(), static t => Guid.Parse(t)),
            _ when plain == typeof(bool) => nullable
                ? Cells<bool?, bool>(name, typeName, true, BooleanType.Default, static b => (b.HasValue, b ?? false), static b => b, CellBuilders.Booleans, static (a, i) => Cell(((BooleanArray)a).GetValue(i)))
                : Cells<bool, bool>(name, typeName, false, BooleanType.Default, static b => (true, b), static b => b, CellBuilders.Booleans, static (a, i) => Cell(((BooleanArray)a).GetValue(i))),
            _ when plain == typeof(decimal) => nullable
                ? Cells<decimal?, decimal>(name, typeName, true, DecimalType, static d => (d.HasValue, d.HasValue ? CheckDecimal(d.Value) : 0), static d => d, c => CellBuilders.Decimals(DecimalType, c), static (a, i) => Cell(((Decimal128Array)a).GetValue(i)))
                : Cells<decimal, decimal>(name, typeName, false, DecimalType, static d => (true, CheckDecimal(d)), static d => d, c => CellBuilders.Decimals(DecimalType, c), static (a, i) => Cell(((Decimal128Array)a).GetValue(i))),
            _ when plain == typeof(double) => Primitive<double, double>(name, typeName, nullable, DoubleType.Default, static v => v, static (v, _) => v, double.NaN),
            _ when plain == typeof(float) => Primitive<float, float>(name, typeName, nullable, FloatType.Default, static v => v, static (v, _) => v, float.NaN),
            _ when plain == typeof(Half) => Primitive<Half, Half>(name, typeName, nullable, HalfFloatType.Default, static v => v, static (v, _) => v, Half.NaN),
            _ when plain == typeof(sbyte) => Same<sbyte>(name, typeName, nullable, Int8Type.Default),
            _ when plain == typeof(byte) => Same<byte>(name, typeName, nullable, UInt8Type.Default),
            _ when plain == typeof(short) => Same<short>(name, typeName, nullable, Int16Type.Default),
            _ when plain == typeof(ushort) => Same<ushort>(name, typeName, nullable, UInt16Type.Default),
            _ when plain == typeof(int) => Same<int>(name, typeName, nullable, Int32Type.Default),
            _ when plain == typeof(uint) => Same<uint>(name, typeName, nullable, UInt32Type.Default),
            _ when plain == typeof(long) => Same<long>(name, typeName, nullable, Int64Type.Default),
            _ when plain == typeof(ulong) => Same<ulong>(name, typeName, nullable, UInt64Type.Default),
            _ when plain == typeof(DateTime) => Primitive<DateTime, long>(
                name, typeName, nullable, new TimestampType(TimeUnit.Nanosecond, (string?)null),
                static v => TicksToNanoseconds((v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v).Ticks - EpochTicks, v),
                static (v, t) => new DateTime(EpochTicks + UnitsToTicks(v, ((TimestampType)t).Unit), DateTimeKind.Unspecified),
                null),
            _ when plain == typeof(DateTimeOffset) => Primitive<DateTimeOffset, long>(
                name, typeName, nullable, new TimestampType(TimeUnit.Nanosecond, "UTC"),
                static v => TicksToNanoseconds(v.UtcTicks - EpochTicks, v),
                static (v, t) => new DateTimeOffset(EpochTicks + UnitsToTicks(v, ((TimestampType)t).Unit), TimeSpan.Zero),
                null),
            _ when plain == typeof(DateOnly) => Primitive<DateOnly, int>(name, typeName, nullable, Date32Type.Default, static v => v.DayNumber - EpochDay, static (v, _) => DateOnly.FromDayNumber(v + EpochDay), null),
            _ when plain == typeof(TimeOnly) => Primitive<TimeOnly, long>(
                name, typeName, nullable, new Time64Type(TimeUnit.Nanosecond), static v => v.Ticks * 100, static (v, t) => new TimeOnly(UnitsToTicks(v, ((Time64Type)t).Unit)), null),
            _ when plain == typeof(TimeSpan) => Primitive<TimeSpan, long>(
                name, typeName, nullable, DurationType.Nanosecond, static v => TicksToNanoseconds(v.Ticks, v), static (v, t) => TimeSpan.FromTicks(UnitsToTicks(v, ((DurationType)t).Unit)), null),
            _ => null,
        };
    }

    private static ArrowColumn Same<T>(string name, string typeName, bool nullable, IArrowType type)
        where T : unmanaged, IEquatable<T> =>
        Primitive<T, T>(name, typeName, nullable, type, static v => v, static (v, _) => v, null);

    private static ArrowColumn Primitive<T, TStore>(string name, string typeName, bool nullable, IArrowType type, Func<T, TStore> toStore, Func<TStore, IArrowType, T> fromStore, T? nullValue)
        where T : struct
        where TStore : unmanaged, IEquatable<TStore>
    {
        // Timestamps, times and durations are read in any unit; everything else needs the same Arrow type.
        Func<IArrowType, bool> accepts = type switch
        {
            TimestampType => static t => t is TimestampType,
            Time64Type => static t => t is Time64Type,
            DurationType => static t => t is DurationType,
            _ => t => t.TypeId == type.TypeId,
        };
        return nullable
            ? new PrimitiveColumn<T?, TStore>(name, typeName, true, type, v => v is { } x ? toStore(x) : null, (v, t) => fromStore(v, t), accepts, false, null)
            : new PrimitiveColumn<T, TStore>(name, typeName, false, type, v => toStore(v), fromStore, accepts, nullValue.HasValue, nullValue ?? default);
    }

#pragma warning disable CA1859 // the switch in TryCreate needs one return type for all its arms
    private static ArrowColumn Cells<T, TCell>(
        string name, string typeName, bool allowsNull, IArrowType type, Func<T, (bool, TCell)> toCell, Func<TCell, T> fromCell,
        Func<int, IArrowArrayBuilderOf<TCell>> builder, Func<IArrowArray, int, (bool, TCell)> cell) =>
        new ObjectColumn<T, TCell>(name, typeName, allowsNull, type, toCell, fromCell, builder, cell, t => t.TypeId == type.TypeId);
#pragma warning restore CA1859

    private static ArrowColumn Text<T>(string name, string typeName, bool allowsNull, Func<T, string?> toText, Func<string, T> fromText) =>
        Cells<T, string>(
            name, typeName, allowsNull, StringType.Default, v => toText(v) is { } s ? (true, s) : (false, ""), fromText, CellBuilders.Strings,
            static (a, i) => a.IsNull(i) ? (false, "") : (true, ((StringArray)a).GetString(i)));

    private static ArrowColumn Enum<TEnum>(string name, string typeName, bool nullable)
        where TEnum : struct, Enum =>
        nullable
            ? Text<TEnum?>(name, typeName, true, static v => v?.ToString(), static t => System.Enum.Parse<TEnum>(t))
            : Text<TEnum>(name, typeName, false, static v => v.ToString(), static t => System.Enum.Parse<TEnum>(t));

    private static (bool, T) Cell<T>(T? value)
        where T : struct => (value.HasValue, value ?? default);

    private static char Char(string text) => text.Length == 1 ? text[0] : throw new FormatException();

    private static decimal CheckDecimal(decimal value) =>
        Math.Abs(value) < DecimalLimit && decimal.Round(value, 18) == value
            ? value
            : throw new ArgumentException($"{value} does not fit decimal128(38, 18) (at most 20 integer and 18 fractional digits).");

    private static long TicksToNanoseconds(long ticks, object value) =>
        ticks >= long.MinValue / 100 && ticks <= long.MaxValue / 100
            ? ticks * 100
            : throw new ArgumentException($"{value} is outside the nanosecond range (1677-09-21 to 2262-04-11, as pandas' datetime64[ns]).");

    private static long UnitsToTicks(long units, TimeUnit unit)
    {
        try
        {
            return unit switch
            {
                TimeUnit.Second => checked(units * TimeSpan.TicksPerSecond),
                TimeUnit.Millisecond => checked(units * TimeSpan.TicksPerMillisecond),
                TimeUnit.Microsecond => checked(units * 10),
                _ => units / 100,
            };
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"{units} {unit}s is outside the range of .NET times.");
        }
    }
}
