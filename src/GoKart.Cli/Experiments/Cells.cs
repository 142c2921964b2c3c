using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoKart.Cli.Experiments;

/// <summary>Cell values of the listing (double, bool, string or null): conversion, comparison and display.</summary>
internal static class Cells
{
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => true,
        JsonValue value when value.GetValueKind() == JsonValueKind.False => false,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    public static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case double d:
                number = d;
                return true;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number):
                return true;
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>Orders numbers numerically when both sides are numbers (so id "10" follows "9"), otherwise as text; nulls first.</summary>
    public static int Compare(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return (a is null).CompareTo(b is null) * -1;
        }

        if (TryNumber(a, out var x) && TryNumber(b, out var y))
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(Format(a), Format(b));
    }

    public static bool AreEqual(object? a, object? b) => (a is null && b is null) || (a is not null && b is not null && Compare(a, b) == 0);

    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0,
        string s => s.Length > 0 && !string.Equals(s, "false", StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    public static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("G10", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
