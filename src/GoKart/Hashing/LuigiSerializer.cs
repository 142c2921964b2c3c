using System.Diagnostics.CodeAnalysis;
using System.Collections;
using System.Globalization;
using System.Text;
using GoKart.Descriptors;

namespace GoKart.Hashing;

/// <summary>
/// Serializes parameter values to the strings luigi's <c>Parameter.serialize</c> produces, which feed the
/// unique id, task_params and the command line.
/// </summary>
/// <remarks>
/// Choices where luigi has no counterpart: <see cref="DateTime"/> uses luigi's DateSecondParameter form
/// (<c>2024-01-02T030405</c>) with a fraction appended only when there is one; <see cref="DateTimeOffset"/>
/// is ISO-8601 with its offset; <c>null</c> is <c>None</c> as <c>str(None)</c>.
/// </remarks>
internal static class LuigiSerializer
{
    public static string Serialize(object? value, ParameterType type)
    {
        if (value is null)
        {
            return "None";
        }

        switch (type.Kind)
        {
            case ParameterKind.List:
            case ParameterKind.Dictionary:
                var sb = new StringBuilder();
                AppendJson(sb, value, type);
                return sb.ToString();
            default:
                return Scalar(value, type.Kind);
        }
    }

    public static string Scalar(object value, ParameterKind kind) => kind switch
    {
        ParameterKind.String => (string)value,
        ParameterKind.Bool => (bool)value ? "True" : "False",
        ParameterKind.Integer => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        ParameterKind.Single => value is Half h ? PythonRepr.Float((float)h) : PythonRepr.Float((float)value),
        ParameterKind.Double => PythonRepr.Float((double)value),
        ParameterKind.Decimal => ((decimal)value).ToString(CultureInfo.InvariantCulture),
        ParameterKind.Enum => value.ToString()!,
        ParameterKind.DateOnly => ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ParameterKind.DateTime => DateTimeText((DateTime)value),
        ParameterKind.DateTimeOffset => ((DateTimeOffset)value).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        ParameterKind.TimeSpan => TimeDeltaText((TimeSpan)value),
        ParameterKind.Year => LuigiDateText.Year(((DateOnly)value).Year),
        ParameterKind.Month => LuigiDateText.Month((DateOnly)value),
        ParameterKind.DateHour => LuigiDateText.Hour((DateTime)value),
        ParameterKind.DateMinute => LuigiDateText.Minute((DateTime)value),
        ParameterKind.DateSecond => LuigiDateText.Second((DateTime)value),
        ParameterKind.DateInterval => value.ToString()!,
        ParameterKind.Guid => ((Guid)value).ToString("D"),
        ParameterKind.Char => ((char)value).ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a scalar parameter kind"),
    };

    private static string DateTimeText(DateTime value)
    {
        var text = value.ToString("yyyy-MM-dd'T'HHmmss", CultureInfo.InvariantCulture);
        var fraction = value.Ticks % TimeSpan.TicksPerSecond;
        return fraction == 0 ? text : text + "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    /// <summary>luigi's TimeDeltaParameter: <c>"{w} w {d} d {h} h {m} m {s} s"</c> of a normalized timedelta.</summary>
    private static string TimeDeltaText(TimeSpan value)
    {
        var totalSeconds = (long)Math.Floor(value.Ticks / (double)TimeSpan.TicksPerSecond);
        var days = (long)Math.Floor(totalSeconds / 86400.0);
        var seconds = totalSeconds - (days * 86400);
        var weeks = (long)Math.Floor(days / 7.0);
        var dayOfWeek = days - (weeks * 7);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{weeks} w {dayOfWeek} d {seconds / 3600} h {seconds % 3600 / 60} m {seconds % 60} s");
    }

    private static void AppendJson(StringBuilder sb, object? value, ParameterType type)
    {
        if (value is null)
        {
            sb.Append("null");
            return;
        }

        switch (type.Kind)
        {
            case ParameterKind.List:
                sb.Append('[');
                var first = true;
                foreach (var item in (IEnumerable)value)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    AppendJson(sb, item, type.Element!);
                }

                sb.Append(']');
                break;
            case ParameterKind.Dictionary:
                sb.Append('{');
                var firstEntry = true;
                foreach (var (key, entry) in DictionaryEntries(value))
                {
                    if (!firstEntry)
                    {
                        sb.Append(", ");
                    }

                    firstEntry = false;
                    PythonJson.AppendString(sb, JsonKey(key, type.Key!));
                    sb.Append(": ");
                    AppendJson(sb, entry, type.Value!);
                }

                sb.Append('}');
                break;
            case ParameterKind.Bool:
                sb.Append((bool)value ? "true" : "false");
                break;
            case ParameterKind.Integer:
                sb.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case ParameterKind.Single:
                sb.Append(value is Half h ? PythonJson.Float((float)h) : FloatJson((float)value));
                break;
            case ParameterKind.Double:
                sb.Append(PythonJson.Float((double)value));
                break;
            case ParameterKind.Decimal:
                sb.Append(((decimal)value).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                PythonJson.AppendString(sb, Scalar(value, type.Kind));
                break;
        }
    }

    private static string FloatJson(float value) =>
        float.IsFinite(value) ? PythonRepr.Float(value) : PythonJson.Float(value);

    /// <summary>json.dumps turns non-string keys into strings: bools lower-case, floats by repr.</summary>
    private static string JsonKey(object key, ParameterType type) => type.Kind switch
    {
        ParameterKind.Bool => (bool)key ? "true" : "false",
        ParameterKind.Double => PythonJson.Float((double)key),
        _ => Scalar(key, type.Kind),
    };

    /// <summary>Entries in the dictionary's own enumeration order (insertion order for Dictionary).</summary>
    public static IEnumerable<(object Key, object? Value)> DictionaryEntries(object dictionary)
    {
        if (dictionary is IDictionary nonGeneric)
        {
            foreach (DictionaryEntry entry in nonGeneric)
            {
                yield return (entry.Key, entry.Value);
            }

            yield break;
        }

        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported($"A dictionary parameter of type {dictionary.GetType().Name} that is not an IDictionary");
        }

        foreach (var pair in EntriesByReflection(dictionary))
        {
            yield return pair;
        }
    }

    [RequiresUnreferencedCode("Reads Key and Value of each entry by reflection.")]
    private static IEnumerable<(object Key, object? Value)> EntriesByReflection(object dictionary)
    {
        foreach (var item in (IEnumerable)dictionary)
        {
            var itemType = item!.GetType();
            var key = itemType.GetProperty("Key")!.GetValue(item)!;
            var value = itemType.GetProperty("Value")!.GetValue(item);
            yield return (key, value);
        }
    }
}
