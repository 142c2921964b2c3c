using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GoKart.Formats;

/// <summary>
/// Reads and writes JSON scalars (strings, booleans, finite numbers) without JsonSerializer, whose
/// first use costs tens of milliseconds of reflection: the whole budget of a small pipeline's process.
/// The bytes are the same JsonSerializer writes.
/// </summary>
internal static class PrimitiveJson
{
    public static bool Handles(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(bool);

    public static bool TryWrite(Stream stream, object? value)
    {
        if (value is string plain && Json.PlainJsonString.IsPlain(plain, minimalEscaping: false))
        {
            // What the default encoder writes for it, without building the encoder (Json.PlainJsonString).
            var quoted = new byte[plain.Length + 2];
            Json.PlainJsonString.WriteQuoted(quoted, plain);
            stream.Write(quoted, 0, quoted.Length);
            return true;
        }

        return TryWriteWithWriter(stream, value);
    }

    // Apart, so that a plain string output does not load System.Text.Json at all.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryWriteWithWriter(Stream stream, object? value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            switch (value)
            {
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case int i:
                    writer.WriteNumberValue(i);
                    break;
                case long l:
                    writer.WriteNumberValue(l);
                    break;
                case double d when double.IsFinite(d):
                    writer.WriteNumberValue(d);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                default:
                    return false;
            }
        }

        stream.Write(buffer.WrittenSpan);
        return true;
    }

    /// <summary>Parses a scalar; false when the text is not a plain scalar of the type (the caller falls back to JsonSerializer).</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, Type type, out object? value)
    {
        try
        {
            return TryReadCore(json, type, out value);
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    private static bool TryReadCore(ReadOnlySpan<byte> json, Type type, out object? value)
    {
        value = null;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            return false;
        }

        var ok = type switch
        {
            _ when type == typeof(string) && reader.TokenType == JsonTokenType.String => Set(reader.GetString(), out value),
            _ when type == typeof(string) && reader.TokenType == JsonTokenType.Null => Set(null, out value),
            _ when type == typeof(int) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var i) => Set(i, out value),
            _ when type == typeof(long) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var l) => Set(l, out value),
            _ when type == typeof(double) && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var d) => Set(d, out value),
            _ when type == typeof(bool) && reader.TokenType is JsonTokenType.True or JsonTokenType.False => Set(reader.GetBoolean(), out value),
            _ => false,
        };
        return ok && !reader.Read();
    }

    private static bool Set(object? input, out object? value)
    {
        value = input;
        return true;
    }
}
