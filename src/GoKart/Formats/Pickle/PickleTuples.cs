using System.Diagnostics.CodeAnalysis;
using System.Collections;

namespace GoKart.Formats.Pickle;

/// <summary>
/// A Python tuple (or list) read as a .NET tuple: <c>ValueTuple</c> or <c>Tuple</c> of any length, the items converted
/// one by one, a length mismatch an error naming both lengths.
/// </summary>
internal static class PickleTuples
{
    [RequiresUnreferencedCode("Creates the tuple through its constructor, found at run time.")]
    public static object Create(IList items, Type target, string path, string location)
    {
        var types = TupleShapes.ElementTypes(target);
        if (items.Count != types.Count)
        {
            throw new InvalidDataException(
                $"{location}: {path} is a Python {PickleValues.PythonName(items)} of {items.Count} items, which cannot be read as a tuple of {types.Count} ({string.Join(", ", types.Select(t => t.Name))}).");
        }

        var values = new object?[types.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = PickleValues.Convert(items[i], types[i], $"{path}[{i}]", location);
        }

        return TupleShapes.Create(target, values);
    }
}
