using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace GoKart.Testing;

/// <summary>
/// gokart.testing's <c>assert_frame_contents_equal</c> for typed tables: compares two lists of records row by row and
/// column by column (the records' public properties) and throws <see cref="TableMismatchException"/> listing every
/// difference. Works with any test framework, since it only throws.
/// </summary>
/// <example>
/// <code>
/// TableAssert.Equal([new Sale("a", 1.5)], TaskTester.Run(new Totals { ... }, ...));
/// // row 0, column 'Amount': expected 1.5, actual 2.0
/// </code>
/// </example>
public static class TableAssert
{
    private const int MaxListed = 20;

    /// <summary>Throws unless <paramref name="actual"/> has the rows of <paramref name="expected"/>, in order.</summary>
    /// <param name="expected">The rows wanted.</param>
    /// <param name="actual">The rows got.</param>
    /// <param name="tolerance">Largest difference allowed between two floating-point cells (default 0: exact).</param>
    /// <exception cref="TableMismatchException">The tables differ; the message lists the differences.</exception>
    public static void Equal<TRow>(IEnumerable<TRow> expected, IEnumerable<TRow> actual, double tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var want = expected.ToList();
        var got = actual.ToList();
        var columns = Columns(typeof(TRow));
        var differences = new List<string>();
        for (var row = 0; row < Math.Max(want.Count, got.Count); row++)
        {
            if (row >= got.Count)
            {
                differences.Add($"row {row}: missing, expected {Describe(want[row], columns)}");
                continue;
            }

            if (row >= want.Count)
            {
                differences.Add($"row {row}: unexpected {Describe(got[row], columns)}");
                continue;
            }

            foreach (var (name, get) in columns)
            {
                var e = get(want[row]);
                var a = get(got[row]);
                if (!Same(e, a, tolerance))
                {
                    differences.Add($"row {row}, column '{name}': expected {Text(e)}, actual {Text(a)}");
                }
            }
        }

        if (differences.Count == 0)
        {
            return;
        }

        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Tables differ ({want.Count} row(s) expected, {got.Count} actual; {differences.Count} difference(s)):");
        foreach (var line in differences.Take(MaxListed))
        {
            sb.Append(Environment.NewLine).Append("  ").Append(line);
        }

        if (differences.Count > MaxListed)
        {
            sb.Append(Environment.NewLine).Append(CultureInfo.InvariantCulture, $"  ... and {differences.Count - MaxListed} more");
        }

        throw new TableMismatchException(sb.ToString());
    }

    private static List<(string Name, Func<object?, object?> Get)> Columns(Type type)
    {
        if (type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type.IsEnum || Nullable.GetUnderlyingType(type) is not null)
        {
            return [("value", v => v)];
        }

        return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .Select(p => (p.Name, (Func<object?, object?>)(v => v is null ? null : p.GetValue(v))))];
    }

    private static bool Same(object? e, object? a, double tolerance)
    {
        if (e is double or float && a is double or float)
        {
            var x = Convert.ToDouble(e, CultureInfo.InvariantCulture);
            var y = Convert.ToDouble(a, CultureInfo.InvariantCulture);
            return x.Equals(y) || Math.Abs(x - y) <= tolerance;
        }

        if (e is IEnumerable left && a is IEnumerable right && e is not string)
        {
            return left.Cast<object?>().SequenceEqual(right.Cast<object?>());
        }

        return Equals(e, a);
    }

    private static string Describe(object? row, List<(string Name, Func<object?, object?> Get)> columns) =>
        columns.Count == 1 && columns[0].Name == "value"
            ? Text(row)
            : "{ " + string.Join(", ", columns.Select(c => $"{c.Name} = {Text(c.Get(row))}")) + " }";

    private static string Text(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Text)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
