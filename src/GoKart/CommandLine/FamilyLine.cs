using System.Text;
using GoKart.Descriptors;
using GoKart.Execution;
using GoKart.Hashing;

namespace GoKart.CommandLine;

/// <summary>
/// luigi's execution-summary line for several tasks of one class (<c>execution_summary._get_str</c>): a
/// continuous range of one varying integer or date parameter collapses to <c>Piece(i=0...19)</c>, a few values
/// are listed, long parameter lists become <c>Piece(...)</c>.
/// </summary>
internal static class FamilyLine
{
    public static string Describe(string family, IReadOnlyList<TaskOnKart> tasks)
    {
        var sorted = tasks.OrderBy(t => t.ToString(), StringComparer.Ordinal).ToList();
        var parameters = sorted[0].Descriptor.Parameters;
        if (parameters.Length == 0)
        {
            return family + "()";
        }

        var first = sorted[0].ToString();
        var lengthOfNames = parameters.Sum(p => p.SnakeName.Length);
        if (lengthOfNames > 60 || first.Length > 200
            || (sorted.Count == 2 && parameters.Length > 1 && (lengthOfNames > 40 || first.Length > 100)))
        {
            return family + "(...)";
        }

        var values = sorted.Select(t => parameters.Select(p => Serialize(t, p)).ToArray()).ToList();
        if (parameters.Length == 1)
        {
            var p = parameters[0];
            var range = Range(sorted, p);
            var text = range is { } r && values.Select(v => v[0]).Distinct(StringComparer.Ordinal).Count() > 3
                ? $"{r.First}...{r.Last}"
                : OneParameter(values.Select(v => v[0]).ToList());
            return $"{family}({p.SnakeName}={text})";
        }

        var varying = Enumerable.Range(0, parameters.Length)
            .Where(i => values.Select(v => v[i]).Distinct(StringComparer.Ordinal).Count() > 1).ToList();
        if (varying.Count == 1 && Range(sorted, parameters[varying[0]]) is { } range2
            && values.Select(v => v[varying[0]]).Distinct(StringComparer.Ordinal).Count() > 2)
        {
            var parts = parameters.Select((p, i) => $"{p.SnakeName}=" + (i == varying[0] ? $"{range2.First}...{range2.Last}" : values[0][i]));
            return $"{family}({string.Join(", ", parts)})";
        }

        return sorted.Count switch
        {
            1 => first,
            2 => $"{first} and {sorted[1]}",
            _ => $"{first} ...",
        };
    }

    private static string Serialize(TaskOnKart task, ParameterDescriptor p) =>
        p.IsTask ? TaskGraph.SerializeTaskParameter(task, p) : LuigiSerializer.Serialize(p.GetValue(task), p.Type);

    /// <summary>luigi's <c>_get_str_one_parameter</c>: values joined by commas, cut with <c>...</c> when long.</summary>
    private static string OneParameter(List<string> values)
    {
        var row = new StringBuilder();
        for (var count = 0; count < values.Count; count++)
        {
            if ((row.Length >= 30 && count > 2 && count != values.Count - 1) || row.Length > 200)
            {
                row.Append("...");
                break;
            }

            row.Append(values[count]);
            if (count < values.Count - 1)
            {
                row.Append(',');
            }
        }

        return row.ToString();
    }

    /// <summary>
    /// luigi's <c>_ranging_attributes</c>: the smallest and largest value when the values are consecutive in the
    /// parameter's enumeration (integers by 1, dates by their granularity); null otherwise or for other types.
    /// </summary>
    private static (string First, string Last)? Range(List<TaskOnKart> tasks, ParameterDescriptor p)
    {
        var ordinals = new SortedDictionary<long, string>();
        foreach (var task in tasks)
        {
            var value = p.GetValue(task);
            if (value is null || Ordinal(value, p.Type.Kind) is not { } n)
            {
                return null;
            }

            ordinals[n] = LuigiSerializer.Serialize(value, p.Type);
        }

        var min = ordinals.Keys.First();
        var max = ordinals.Keys.Last();
        return max - min + 1 == ordinals.Count && ordinals.Count > 1 ? (ordinals[min], ordinals[max]) : null;
    }

    private static long? Ordinal(object value, ParameterKind kind)
    {
        try
        {
            return kind switch
            {
                ParameterKind.Integer => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
                ParameterKind.DateOnly => ((DateOnly)value).DayNumber,
                ParameterKind.Month => (((DateOnly)value).Year * 12L) + ((DateOnly)value).Month,
                ParameterKind.Year => ((DateOnly)value).Year,
                ParameterKind.DateHour => ((DateTime)value).Ticks / TimeSpan.TicksPerHour,
                ParameterKind.DateMinute => ((DateTime)value).Ticks / TimeSpan.TicksPerMinute,
                ParameterKind.DateSecond => ((DateTime)value).Ticks / TimeSpan.TicksPerSecond,
                _ => null,
            };
        }
        catch (Exception e) when (e is OverflowException or InvalidCastException)
        {
            // Integers beyond long (or BigInteger, which has no conversion) are listed, not ranged.
            return null;
        }
    }
}
