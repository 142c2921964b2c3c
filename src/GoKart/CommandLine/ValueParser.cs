using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using GoKart.Descriptors;

namespace GoKart.CommandLine;

/// <summary>
/// Text (from the command line or a config file) to a parameter value of any supported type: scalars as
/// luigi writes them, lists as JSON arrays or comma-separated, dictionaries as JSON objects, tasks as
/// <c>{"type": "TaskName", "params": {...}}</c>.
/// </summary>
internal sealed class ValueParser(Func<JsonElement, ParameterType, string, TaskOnKart> readTask)
{
    /// <summary>Parses a value; a <see cref="CommandLineException"/> naming <paramref name="origin"/> and the expected type otherwise.</summary>
    public object? Parse(string text, ParameterType type, string origin)
    {
        try
        {
            if (IsNone(text, type))
            {
                return null;
            }

            switch (type.Kind)
            {
                case ParameterKind.List when !text.TrimStart().StartsWith('['):
                    if (!type.Element!.IsScalar)
                    {
                        throw new FormatException("expected a JSON array");
                    }

                    var items = text.Trim().Length == 0 ? [] : text.Split(',').Select(s => (object?)ScalarParser.Parse(s.Trim(), type.Element!));
                    return BuildList(type, [.. items]);
                case ParameterKind.List or ParameterKind.Dictionary or ParameterKind.Task or ParameterKind.TaskList:
                    using (var document = JsonDocument.Parse(text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[') ? text : $"\"{JsonEncodedText.Encode(text)}\""))
                    {
                        return FromJson(document.RootElement, type, origin);
                    }

                default:
                    return ScalarParser.Parse(text, type);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or JsonException or InvalidCastException or NotSupportedException)
        {
            throw new CommandLineException($"{origin}: '{Shorten(text)}' is not a valid {TypeText.Of(type)} ({Reason(e, type)}).");
        }
    }

    /// <summary>As <see cref="Parse"/> for a JSON value (a task's <c>params</c> entry): strings are parsed as text.</summary>
    public object? ParseJson(JsonElement element, ParameterType type, string origin)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return Parse(element.GetString()!, type, origin);
        }

        try
        {
            return FromJson(element, type, origin);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException or NotSupportedException)
        {
            throw new CommandLineException($"{origin}: {Shorten(element.GetRawText())} is not a valid {TypeText.Of(type)} ({Reason(e, type)}).");
        }
    }

    /// <summary>Converts a JSON value (an element of a list or dictionary, a task's params) to <paramref name="type"/>.</summary>
    private object? FromJson(JsonElement element, ParameterType type, string origin)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return type.IsNullable ? null : throw new FormatException($"null is not allowed for {TypeText.Of(type)}");
        }

        switch (type.Kind)
        {
            case ParameterKind.List:
            case ParameterKind.TaskList:
                Expect(element, JsonValueKind.Array, "a JSON array");
                return BuildList(type, [.. element.EnumerateArray().Select(e => FromJson(e, type.Element!, origin))]);
            case ParameterKind.Dictionary:
                Expect(element, JsonValueKind.Object, "a JSON object");
                var entries = element.EnumerateObject()
                    .Select(p => (ScalarParser.Parse(p.Name, type.Key!), FromJson(p.Value, type.Value!, origin)))
                    .ToList();
                return BuildDictionary(type, entries);
            case ParameterKind.Task:
                return readTask(element, type, origin);
            default:
                var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
                return ScalarParser.Parse(text, type);
        }
    }

    private static bool IsNone(string text, ParameterType type) =>
        type.IsNullable && type.Kind != ParameterKind.String && text.Trim() is "None" or "null";

    private static void Expect(JsonElement element, JsonValueKind kind, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new FormatException($"expected {what}, got {element.ValueKind.ToString().ToUpperInvariant()}");
        }
    }

    private static object BuildList(ParameterType type, List<object?> items)
    {
        var clr = type.ValueType;
        var elementType = type.Element!.ClrType;
        if (clr.IsArray)
        {
            // From the declared array type, which the program has: no array type made at run time.
            var array = Array.CreateInstanceFromArrayType(clr, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        return DynamicCode.IsSupported ? BuildCollection(clr, elementType, items)
            : throw DynamicCode.NotSupported($"a {TypeText.Of(type)} parameter that is not an array");
    }

    [RequiresUnreferencedCode("Makes List<T> over the parameter's element type.")]
    [RequiresDynamicCode("Makes List<T> over the parameter's element type.")]
    private static object BuildCollection(Type clr, Type elementType, List<object?> items)
    {
        var listType = typeof(List<>).MakeGenericType(elementType);
        var target = clr.IsInterface || clr.IsAbstract ? listType : clr;
        if (!clr.IsAssignableFrom(target))
        {
            throw new FormatException($"cannot build a {clr.Name}; declare the parameter as an array or IReadOnlyList<{elementType.Name}>");
        }

        var collection = Activator.CreateInstance(target)!;
        var add = typeof(ICollection<>).MakeGenericType(elementType).GetMethod("Add")!;
        foreach (var item in items)
        {
            add.Invoke(collection, [item]);
        }

        return collection;
    }

    private static object BuildDictionary(ParameterType type, List<(object Key, object? Value)> entries)
    {
        var clr = type.ValueType;
        var keyType = type.Key!.ClrType;
        var valueType = type.Value!.ClrType;
        return DynamicCode.IsSupported ? CreateDictionary(clr, keyType, valueType, entries)
            : throw DynamicCode.NotSupported($"a {TypeText.Of(type)} parameter");
    }

    [RequiresUnreferencedCode("Makes Dictionary<TKey, TValue> over the parameter's key and value types.")]
    [RequiresDynamicCode("Makes Dictionary<TKey, TValue> over the parameter's key and value types.")]
    private static IDictionary CreateDictionary(Type clr, Type keyType, Type valueType, List<(object Key, object? Value)> entries)
    {
        var dictionaryType = typeof(Dictionary<,>).MakeGenericType(keyType, valueType);
        var target = clr.IsInterface || clr.IsAbstract ? dictionaryType : clr;
        if (!clr.IsAssignableFrom(target))
        {
            throw new FormatException($"cannot build a {clr.Name}; declare the parameter as IReadOnlyDictionary<{keyType.Name}, {valueType.Name}>");
        }

        var dictionary = (IDictionary)Activator.CreateInstance(target)!;
        foreach (var (key, value) in entries)
        {
            dictionary[key] = value;
        }

        return dictionary;
    }

    private static string Reason(Exception e, ParameterType type) => e switch
    {
        JsonException => $"not valid JSON; expected {ScalarParser.Expected(type)}",
        FormatException f when IsOurs(f.Message) => f.Message,
        FormatException { InnerException: ArgumentOutOfRangeException range } => range.Message.Split(" (Parameter", 2)[0],
        OverflowException => $"out of range for {TypeText.Of(type)}",
        NotSupportedException => e.Message,
        _ => "expected " + ScalarParser.Expected(type),
    };

    private static bool IsOurs(string message) =>
        message.StartsWith("expected", StringComparison.Ordinal) || message.StartsWith("cannot", StringComparison.Ordinal)
        || message.StartsWith("null", StringComparison.Ordinal) || message.StartsWith("out of range", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
