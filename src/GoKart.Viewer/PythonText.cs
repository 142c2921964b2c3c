using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace GoKart.Viewer;

/// <summary>Python-like text of plain data (None, True, 1.5, 'text', b'..', [..], (..), {..}); long sequences cut after k items.</summary>
internal static class PythonText
{
    public static string Value(object? value, int topK)
    {
        var builder = new StringBuilder();
        Append(builder, value, topK, 0);
        return builder.ToString();
    }

    public static string Json(JsonElement element, int topK) => JsonSerializer.Serialize(Cut(element, topK), Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static object? Cut(JsonElement element, int topK) => element.ValueKind switch
    {
        JsonValueKind.Array => element.GetArrayLength() > topK
            ? element.EnumerateArray().Take(topK).Select(e => Cut(e, topK)).Append($"... {element.GetArrayLength() - topK} more").ToList()
            : element.EnumerateArray().Select(e => Cut(e, topK)).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Cut(p.Value, topK)),
        _ => element,
    };

    private static void Append(StringBuilder builder, object? value, int topK, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("None");
                break;
            case bool b:
                builder.Append(b ? "True" : "False");
                break;
            case string s:
                builder.Append('\'').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\'');
                break;
            case byte[] bytes:
                builder.Append("b'").Append(string.Concat(bytes.Take(topK * 4).Select(c => c is >= 32 and < 127 and not (byte)'\'' and not (byte)'\\' ? ((char)c).ToString() : $"\\x{c:x2}"))).Append(bytes.Length > topK * 4 ? "...'" : "'");
                break;
            case double d:
                builder.Append(double.IsNaN(d) ? "nan" : double.IsInfinity(d) ? (d > 0 ? "inf" : "-inf") : d == Math.Floor(d) && Math.Abs(d) < 1e16 ? d.ToString("0.0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                Append(builder, (double)f, topK, depth);
                break;
            case IFormattable number when value is int or long or short or sbyte or byte or uint or ulong or ushort or BigInteger or decimal:
                builder.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IDictionary dictionary:
                builder.Append('{');
                var i = 0;
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    if (i++ == topK)
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"... {dictionary.Count - topK} more");
                        break;
                    }

                    Append(builder, entry.Key, topK, depth + 1);
                    builder.Append(": ");
                    Append(builder, entry.Value, topK, depth + 1);
                }

                builder.Append('}');
                break;
            case ITuple tuple:
                builder.Append('(');
                for (var t = 0; t < tuple.Length; t++)
                {
                    builder.Append(t > 0 ? ", " : string.Empty);
                    Append(builder, tuple[t], topK, depth + 1);
                }

                builder.Append(tuple.Length == 1 ? ",)" : ")");
                break;
            case IEnumerable sequence:
                var items = sequence.Cast<object?>().ToList();
                builder.Append('[');
                for (var k = 0; k < Math.Min(items.Count, topK); k++)
                {
                    builder.Append(k > 0 ? ", " : string.Empty);
                    Append(builder, items[k], topK, depth + 1);
                }

                builder.Append(items.Count > topK ? $", ... {items.Count - topK} more]" : "]");
                break;
            default:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
