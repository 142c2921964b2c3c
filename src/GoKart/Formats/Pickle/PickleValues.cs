using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace GoKart.Formats.Pickle;

/// <summary>Which .NET types a pickle holds, and the conversion from what the reader produced to the asked type.</summary>
internal static class PickleValues
{
    private static readonly Type[] ListTypes =
        [typeof(List<>), typeof(IReadOnlyList<>), typeof(IList<>), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>)];

    private static readonly Type[] SetTypes = [typeof(HashSet<>), typeof(ISet<>), typeof(IReadOnlySet<>)];

    private static readonly Type[] DictionaryTypes = [typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>)];

    public static bool Supports(Type type) => Supports(type, 0);

    public static object? Convert(object? raw, Type type, string path, string location)
    {
        if (type == typeof(object))
        {
            return PickleLists.Materialize(raw);
        }

        if (raw is null)
        {
            return !type.IsValueType || Nullable.GetUnderlyingType(type) is not null
                ? null
                : throw Mismatch(raw, type, path, location);
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (raw is PickleList list)
        {
            if (list.Doubles is { } doubles && FromDoubles(doubles, target) is { } values)
            {
                return values;
            }

            raw = list.Objects();
        }

        try
        {
            switch (raw)
            {
                case bool b when target == typeof(bool):
                    return b;
                case long or BigInteger when target.IsPrimitive && target != typeof(bool) && target != typeof(char):
                    return target == typeof(double) || target == typeof(float)
                        ? System.Convert.ChangeType((double)ToBig(raw), target, CultureInfo.InvariantCulture)
                        : System.Convert.ChangeType(raw is long l ? l : (object)(decimal)(BigInteger)raw, target, CultureInfo.InvariantCulture);
                case long or BigInteger when target == typeof(BigInteger):
                    return ToBig(raw);
                case long or BigInteger when target == typeof(Half):
                    return (Half)(double)ToBig(raw);
                case double d when target == typeof(double):
                    return d;
                case double d when target == typeof(float):
                    return (float)d;
                case double d when target == typeof(Half):
                    return (Half)d;
                case string s when target == typeof(string):
                    return s;
                case string { Length: 1 } s when target == typeof(char):
                    return s[0];
                case byte[] bytes when target == typeof(byte[]):
                    return bytes;
                case byte[] bytes when target == typeof(ReadOnlyMemory<byte>):
                    return new ReadOnlyMemory<byte>(bytes);
            }
        }
        catch (OverflowException e)
        {
            throw new InvalidDataException($"{location}: {path} = {raw} does not fit in {type.Name}.", e);
        }

        if (!DynamicCode.IsSupported)
        {
            // What follows builds tuples and typed collections over the requested element types at run time.
            throw raw is IEnumerable and not string ? DynamicCode.NotSupported($"{location}: reading {path} as {type.Name}") : Mismatch(raw, type, path, location);
        }

        return ConvertComposite(raw, type, target, path, location);
    }

    [RequiresUnreferencedCode("Builds tuples and collections over the requested element types.")]
    [RequiresDynamicCode("Builds tuples and collections over the requested element types.")]
    private static object? ConvertComposite(object raw, Type type, Type target, string path, string location)
    {
        if (target.IsGenericType && typeof(ITuple).IsAssignableFrom(target) && raw is IList tuple and not IDictionary)
        {
            return PickleTuples.Create(tuple, target, path, location);
        }

        if (target.IsArray && target.GetArrayRank() == 1 && raw is IList items)
        {
            return Typed(nameof(ToArray), target.GetElementType()!, items, path, location);
        }

        if (target.IsGenericType && raw is IEnumerable sequence and not string and not IDictionary)
        {
            var definition = target.GetGenericTypeDefinition();
            var element = target.GetGenericArguments()[0];
            if (ListTypes.Contains(definition) && raw is IList)
            {
                return Typed(nameof(ToList), element, sequence, path, location);
            }

            if (SetTypes.Contains(definition))
            {
                return Typed(nameof(ToSet), element, sequence, path, location);
            }
        }

        if (target.IsGenericType && DictionaryTypes.Contains(target.GetGenericTypeDefinition()) && raw is IDictionary source)
        {
            var arguments = target.GetGenericArguments();
            var result = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            foreach (DictionaryEntry entry in source)
            {
                var key = Convert(entry.Key, arguments[0], $"{path} key", location)!;
                result[key] = Convert(entry.Value, arguments[1], $"{path}[{entry.Key}]", location);
            }

            return result;
        }

        throw Mismatch(raw, type, path, location);
    }

    // A list of floats read as double[] or a list of doubles: handed over without boxing a value.
    private static object? FromDoubles(List<double> doubles, Type target) =>
        target == typeof(double[]) ? doubles.ToArray()
        : target.IsAssignableFrom(typeof(List<double>)) && target != typeof(object) ? doubles
        : null;

    // One generic instantiation per element type: the per-element conversion is a typed call, not reflection.
    [RequiresUnreferencedCode("Instantiates a generic conversion over the element type.")]
    [RequiresDynamicCode("Instantiates a generic conversion over the element type.")]
    private static object Typed(string method, Type element, IEnumerable items, string path, string location)
    {
        try
        {
            return typeof(PickleValues).GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(element).Invoke(null, [items, path, location])!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static T[] ToArray<T>(IList items, string path, string location)
    {
        var result = new T[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Element<T>(items[i], path, i, location);
        }

        return result;
    }

    private static List<T> ToList<T>(IEnumerable items, string path, string location)
    {
        var result = items is ICollection c ? new List<T>(c.Count) : [];
        foreach (var item in items)
        {
            result.Add(Element<T>(item, path, result.Count, location));
        }

        return result;
    }

    private static HashSet<T> ToSet<T>(IEnumerable items, string path, string location)
    {
        var result = new HashSet<T>();
        var index = 0;
        foreach (var item in items)
        {
            result.Add(Element<T>(item, path, index++, location));
        }

        return result;
    }

    private static T Element<T>(object? item, string path, int index, string location) =>
        item is T typed && item.GetType() == typeof(T)
            ? typed
            : (T)Convert(item, typeof(T), $"{path}[{index}]", location)!;

    private static BigInteger ToBig(object raw) => raw is long l ? l : (BigInteger)raw;

    private static InvalidDataException Mismatch(object? raw, Type type, string path, string location) =>
        new($"{location}: {path} is a Python {PythonName(raw)}, which cannot be read as {type.Name}.");

    internal static string PythonName(object? raw) => raw switch
    {
        null => "None",
        bool => "bool",
        long or BigInteger => "int",
        double => "float",
        string => "str",
        byte[] => "bytes",
        object?[] => "tuple",
        PickleList => "list",
        IDictionary => "dict",
        IList => "list",
        _ => "set",
    };

    private static bool Supports(Type type, int depth)
    {
        if (depth > 16)
        {
            return false;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(object) || target == typeof(string) || target == typeof(byte[]) || target == typeof(BigInteger)
            || target == typeof(Half) || target == typeof(ReadOnlyMemory<byte>) || (target.IsPrimitive && target != typeof(IntPtr) && target != typeof(UIntPtr)))
        {
            return true;
        }

        if (target.IsArray)
        {
            return target.GetArrayRank() == 1 && Supports(target.GetElementType()!, depth + 1);
        }

        if (!target.IsGenericType)
        {
            return false;
        }

        var definition = target.GetGenericTypeDefinition();
        var arguments = target.GetGenericArguments();
        return ListTypes.Contains(definition) || SetTypes.Contains(definition) ? Supports(arguments[0], depth + 1)
            : DictionaryTypes.Contains(definition) ? Supports(arguments[0], depth + 1) && Supports(arguments[1], depth + 1)
            : typeof(ITuple).IsAssignableFrom(target) && arguments.All(a => Supports(a, depth + 1));
    }
}
