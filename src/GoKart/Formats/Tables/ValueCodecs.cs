using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace GoKart.Formats.Tables;

/// <summary>The codec for each supported column type; null for types a table column cannot hold.</summary>
internal static class ValueCodecs
{
    [RequiresUnreferencedCode("Makes the codec of a nullable or enum column type at run time.")]
    [RequiresDynamicCode("Makes the codec of a nullable or enum column type at run time.")]
    public static object? TryCreate(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            var inner = TryCreate(underlying);
            return inner is null ? null : Activator.CreateInstance(typeof(NullableCodec<>).MakeGenericType(underlying), inner);
        }

        if (type.IsEnum)
        {
            return Activator.CreateInstance(typeof(EnumCodec<>).MakeGenericType(type));
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => new BooleanCodec(),
            TypeCode.Char => new CharCodec(),
            TypeCode.String => new StringCodec(),
            TypeCode.SByte => new NumberCodec<sbyte>(NumberStyles.Integer),
            TypeCode.Byte => new NumberCodec<byte>(NumberStyles.Integer),
            TypeCode.Int16 => new NumberCodec<short>(NumberStyles.Integer),
            TypeCode.UInt16 => new NumberCodec<ushort>(NumberStyles.Integer),
            TypeCode.Int32 => new NumberCodec<int>(NumberStyles.Integer),
            TypeCode.UInt32 => new NumberCodec<uint>(NumberStyles.Integer),
            TypeCode.Int64 => new NumberCodec<long>(NumberStyles.Integer),
            TypeCode.UInt64 => new NumberCodec<ulong>(NumberStyles.Integer),
            TypeCode.Single => new FloatCodec<float>(),
            TypeCode.Double => new FloatCodec<double>(),
            TypeCode.Decimal => new NumberCodec<decimal>(NumberStyles.Number | NumberStyles.AllowExponent),
            TypeCode.DateTime => new SpanCodec<DateTime>("O"),
            _ when type == typeof(Half) => new FloatCodec<Half>(),
            _ when type == typeof(BigInteger) => new NumberCodec<BigInteger>(NumberStyles.Integer),
            _ when type == typeof(DateTimeOffset) => new SpanCodec<DateTimeOffset>("O"),
            _ when type == typeof(DateOnly) => new SpanCodec<DateOnly>("yyyy-MM-dd"),
            _ when type == typeof(TimeOnly) => new SpanCodec<TimeOnly>("HH:mm:ss.FFFFFFF"),
            _ when type == typeof(TimeSpan) => new SpanCodec<TimeSpan>("c"),
            _ when type == typeof(Guid) => new SpanCodec<Guid>("D"),
            _ => null,
        };
    }
}
