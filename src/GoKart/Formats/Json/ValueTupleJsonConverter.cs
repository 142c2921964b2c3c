using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoKart.Formats.Json;

/// <summary>
/// Value tuples as JSON arrays (<c>[7, "seven"]</c>), as Python's json writes a tuple. System.Text.Json serializes
/// only properties, and a value tuple's items are fields, so without this a tuple was written as <c>{}</c>.
/// </summary>
[RequiresUnreferencedCode("Makes a converter per tuple type and serializes the items by their run-time types.")]
[RequiresDynamicCode("Makes a converter per tuple type and serializes the items by their run-time types.")]
internal sealed class ValueTupleJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => TupleShapes.IsValueTuple(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    [RequiresUnreferencedCode("Serializes the items by their run-time types.")]
    [RequiresDynamicCode("Serializes the items by their run-time types.")]
    private sealed class Converter<T> : JsonConverter<T>
    {
        private readonly List<Type> _types = TupleShapes.ElementTypes(typeof(T));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"a {typeof(T).Name} is a JSON array of {_types.Count} items, found {reader.TokenType}.");
            }

            var values = new object?[_types.Count];
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count == values.Length)
                {
                    throw new JsonException($"a {typeof(T).Name} has {_types.Count} items; the array has more.");
                }

                values[count] = JsonSerializer.Deserialize(ref reader, _types[count], options);
                count++;
            }

            return count == values.Length
                ? (T)TupleShapes.Create(typeof(T), values)
                : throw new JsonException($"a {typeof(T).Name} has {_types.Count} items; the array has {count}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            var tuple = (ITuple)value!;
            writer.WriteStartArray();
            for (var i = 0; i < _types.Count; i++)
            {
                JsonSerializer.Serialize(writer, tuple[i], _types[i], options);
            }

            writer.WriteEndArray();
        }
    }
}
