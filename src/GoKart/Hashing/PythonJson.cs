using System.Globalization;
using System.Text;

namespace GoKart.Hashing;

/// <summary>
/// Writes JSON the way Python's <c>json.dumps</c> does with its defaults (<c>", "</c> and <c>": "</c>
/// separators, <c>ensure_ascii=True</c>), which is how luigi serializes list and dict parameters.
/// </summary>
internal static class PythonJson
{
    public static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>A float as <c>json.dumps</c> writes it (<c>float.__repr__</c>, NaN and Infinity spelled out).</summary>
    public static string Float(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => PythonRepr.Float(value),
    };
}
