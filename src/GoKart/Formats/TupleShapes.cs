using System.Diagnostics.CodeAnalysis;

namespace GoKart.Formats;

/// <summary>
/// .NET tuples (<c>ValueTuple</c>, <c>Tuple</c>) as flat lists of items, the way Python and JSON see them: C# nests the
/// items after the seventh in an eighth argument, which is flattened here and rebuilt on creation.
/// </summary>
internal static class TupleShapes
{
    public static bool IsValueTuple(Type type) =>
        type.IsValueType && type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true;

    /// <summary>The item types, flattened.</summary>
    public static List<Type> ElementTypes(Type tuple)
    {
        var arguments = tuple.GetGenericArguments();
        return arguments.Length == 8 ? [.. arguments[..7], .. ElementTypes(arguments[7])] : [.. arguments];
    }

    /// <summary>A tuple of type <paramref name="tuple"/> holding <paramref name="values"/> (one per flattened item).</summary>
    [RequiresUnreferencedCode("Creates the tuple through its constructor, found at run time.")]
    public static object Create(Type tuple, object?[] values) => Create(tuple, values, 0);

    [RequiresUnreferencedCode("Creates the tuple through its constructor, found at run time.")]
    private static object Create(Type tuple, object?[] values, int offset)
    {
        var arguments = tuple.GetGenericArguments();
        var parts = new object?[arguments.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = i == 7 ? Create(arguments[7], values, offset + 7) : values[offset + i];
        }

        return Activator.CreateInstance(tuple, parts)!;
    }
}
