using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace GoKart.Descriptors;

/// <summary>
/// The shape of a parameter's CLR type (scalar kind, element and key types, nullability), computed once
/// per property so hashing, parsing and help never reflect on the type again.
/// </summary>
internal sealed class ParameterType
{
    private static readonly HashSet<Type> IntegerTypes =
    [
        typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long), typeof(ulong), typeof(Int128), typeof(UInt128), typeof(BigInteger), typeof(nint), typeof(nuint),
    ];

    private ParameterType(Type clrType, ParameterKind kind, bool isNullable)
    {
        ClrType = clrType;
        Kind = kind;
        IsNullable = isNullable;
    }

    /// <summary>The declared type, including <see cref="Nullable{T}"/>.</summary>
    public Type ClrType { get; }

    /// <summary>The type without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(ClrType) ?? ClrType;

    public ParameterKind Kind { get; }

    public bool IsNullable { get; }

    /// <summary>Element type of a list (or a task list's task type).</summary>
    public ParameterType? Element { get; private init; }

    /// <summary>Key type of a dictionary.</summary>
    public ParameterType? Key { get; private init; }

    /// <summary>Value type of a dictionary.</summary>
    public ParameterType? Value { get; private init; }

    public bool IsScalar => Kind is not (ParameterKind.List or ParameterKind.Dictionary or ParameterKind.Task or ParameterKind.TaskList);

    /// <summary>A short, C#-like name for help texts and error messages.</summary>
    public string DisplayName => Kind switch
    {
        ParameterKind.List => $"list<{Element!.DisplayName}>",
        ParameterKind.TaskList => $"list<{Element!.DisplayName}>",
        ParameterKind.Dictionary => $"dict<{Key!.DisplayName}, {Value!.DisplayName}>",
        ParameterKind.Task => TaskName(ValueType),
        ParameterKind.Year => "DateOnly as year (yyyy)",
        ParameterKind.Month => "DateOnly as month (yyyy-MM)",
        ParameterKind.DateHour => "DateTime as hour (yyyy-MM-ddTHH)",
        ParameterKind.DateMinute => "DateTime as minute (yyyy-MM-ddTHHmm)",
        ParameterKind.DateSecond => "DateTime as second (yyyy-MM-ddTHHmmss)",
        _ => ValueType.Name + (IsNullable && ValueType.IsValueType ? "?" : string.Empty),
    };

    /// <summary>
    /// Classifies <paramref name="type"/> written at <paramref name="granularity"/>, or returns null when parameters
    /// of that type are unsupported or the granularity does not fit the type (Year/Month need a DateOnly,
    /// Hour/Minute/Second a DateTime).
    /// </summary>
    public static ParameterType? For(Type type, DateGranularity granularity)
    {
        if (granularity == DateGranularity.Default)
        {
            return For(type);
        }

        var t = Nullable.GetUnderlyingType(type) ?? type;
        ParameterKind? kind = granularity switch
        {
            DateGranularity.Year when t == typeof(DateOnly) => ParameterKind.Year,
            DateGranularity.Month when t == typeof(DateOnly) => ParameterKind.Month,
            DateGranularity.Hour when t == typeof(DateTime) => ParameterKind.DateHour,
            DateGranularity.Minute when t == typeof(DateTime) => ParameterKind.DateMinute,
            DateGranularity.Second when t == typeof(DateTime) => ParameterKind.DateSecond,
            _ => null,
        };
        return kind is { } k ? new ParameterType(type, k, !type.IsValueType || t != type) : null;
    }

    /// <summary>Classifies <paramref name="type"/>, or returns null when parameters of that type are unsupported.</summary>
    public static ParameterType? For(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null || !type.IsValueType;
        var t = underlying ?? type;

        if (typeof(TaskOnKart).IsAssignableFrom(t))
        {
            return new ParameterType(type, ParameterKind.Task, nullable);
        }

        ParameterKind? scalar = t switch
        {
            _ when t == typeof(string) => ParameterKind.String,
            _ when t == typeof(bool) => ParameterKind.Bool,
            _ when IntegerTypes.Contains(t) => ParameterKind.Integer,
            _ when t == typeof(float) || t == typeof(Half) => ParameterKind.Single,
            _ when t == typeof(double) => ParameterKind.Double,
            _ when t == typeof(decimal) => ParameterKind.Decimal,
            _ when t.IsEnum => ParameterKind.Enum,
            _ when t == typeof(DateOnly) => ParameterKind.DateOnly,
            _ when t == typeof(DateTime) => ParameterKind.DateTime,
            _ when t == typeof(DateTimeOffset) => ParameterKind.DateTimeOffset,
            _ when t == typeof(TimeSpan) => ParameterKind.TimeSpan,
            _ when t == typeof(DateInterval) => ParameterKind.DateInterval,
            _ when t == typeof(Guid) => ParameterKind.Guid,
            _ when t == typeof(char) => ParameterKind.Char,
            _ => null,
        };
        if (scalar is { } kind)
        {
            return new ParameterType(type, kind, nullable);
        }

        if (DictionaryTypes(t) is var (keyType, valueType))
        {
            var key = For(keyType);
            var value = For(valueType);
            if (key is null || !key.IsScalar || value is null || value.Kind is ParameterKind.Task or ParameterKind.TaskList)
            {
                return null;
            }

            return new ParameterType(type, ParameterKind.Dictionary, nullable) { Key = key, Value = value };
        }

        if (ElementType(t) is { } elementType)
        {
            var element = For(elementType);
            if (element is null || element.Kind == ParameterKind.TaskList)
            {
                return null;
            }

            var listKind = element.Kind == ParameterKind.Task ? ParameterKind.TaskList : ParameterKind.List;
            return new ParameterType(type, listKind, nullable) { Element = element };
        }

        return null;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The type is that of a task parameter, a public property TaskOnKart's "
        + "annotation keeps; a value of it exists only if the program constructs the type (or it is an array), and the trimmer keeps a "
        + "constructed type's implementations of the interfaces looked for here, which GoKart itself uses.")]
    private static (Type Key, Type Value)? DictionaryTypes(Type t)
    {
        foreach (var candidate in t.IsInterface ? [t, .. t.GetInterfaces()] : t.GetInterfaces())
        {
            if (candidate.IsGenericType)
            {
                var definition = candidate.GetGenericTypeDefinition();
                if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>))
                {
                    var args = candidate.GetGenericArguments();
                    return (args[0], args[1]);
                }
            }
        }

        return null;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The type is that of a task parameter, a public property TaskOnKart's "
        + "annotation keeps; a value of it exists only if the program constructs the type (or it is an array), and the trimmer keeps a "
        + "constructed type's implementations of the interfaces looked for here, which GoKart itself uses.")]
    private static Type? ElementType(Type t)
    {
        if (t == typeof(string))
        {
            return null;
        }

        if (t.IsArray)
        {
            return t.GetArrayRank() == 1 ? t.GetElementType() : null;
        }

        foreach (var candidate in t.IsInterface ? [t, .. t.GetInterfaces()] : t.GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                return candidate.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static string TaskName(Type t)
    {
        for (var current = t; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(TaskOnKart<>))
            {
                return current == t ? $"task<{current.GetGenericArguments()[0].Name}>" : t.Name;
            }
        }

        return t == typeof(TaskOnKart) ? "task" : t.Name;
    }
}
