using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoKart.Experiments.Recording;

/// <summary>Turns argument and summary values into JSON the listing can read back (numbers stay numbers).</summary>
internal static class JsonValues
{
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject ToObject(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values)
        {
            result[key] = ToNode(value);
        }

        return result;
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when double.IsFinite(d) => JsonValue.Create(d),
        float f when float.IsFinite(f) => JsonValue.Create(f),
        double or float => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
        int or long or short or byte or sbyte or uint or ulong or ushort or decimal => JsonNode.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        Enum e => JsonValue.Create(e.ToString()),
        FileSystemInfo file => JsonValue.Create(file.ToString()),
        Uri uri => JsonValue.Create(uri.OriginalString),
        DateTimeOffset or DateTime or TimeSpan or Guid => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
        IDictionary dictionary => ToObject(dictionary),
        IEnumerable sequence => new JsonArray(sequence.Cast<object?>().Select(ToNode).ToArray()),
        _ => SerializeOrText(value),
    };

    public static JsonObject ReadObject(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new ExperimentException($"'{path}' does not hold a JSON object.");
    }

    public static void Write(string path, JsonNode node) => AtomicFile.WriteAllText(path, node.ToJsonString(Indented) + "\n");

    private static JsonObject ToObject(IDictionary dictionary)
    {
        var result = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = ToNode(entry.Value);
        }

        return result;
    }

    private static JsonNode? SerializeOrText(object value)
    {
        try
        {
            return JsonSerializer.SerializeToNode(value, value.GetType());
        }
        catch (NotSupportedException)
        {
            return JsonValue.Create(value.ToString());
        }
    }
}
