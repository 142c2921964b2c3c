using System.Globalization;

namespace GoKart.Viewer;

/// <summary>
/// A condition on a recorded parameter: <c>lr=0.1</c>, <c>epochs&gt;5</c>, <c>name!=foo</c> (operators <c>= == != &gt; &gt;= &lt; &lt;=</c>).
/// Values compare as numbers when both sides are numbers (so <c>lr=0.10</c> matches <c>0.1</c>), else as text.
/// </summary>
/// <param name="Name">The parameter's recorded (snake_case) name.</param>
/// <param name="Operator">One of <c>= != &gt; &gt;= &lt; &lt;=</c>.</param>
/// <param name="Value">The value to compare with.</param>
public sealed record ParameterCondition(string Name, string Operator, string Value)
{
    private static readonly string[] Operators = [">=", "<=", "!=", "==", "=", ">", "<"];

    /// <summary>Parses <c>name OP value</c>; <see cref="FormatException"/> naming the text when it is not one.</summary>
    public static ParameterCondition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var best = -1;
        var op = string.Empty;
        foreach (var candidate in Operators)
        {
            var at = text.IndexOf(candidate, StringComparison.Ordinal);
            if (at > 0 && (best < 0 || at < best || (at == best && candidate.Length > op.Length)))
            {
                best = at;
                op = candidate;
            }
        }

        if (best <= 0)
        {
            throw new FormatException($"Parameter condition '{text}' is not NAME=VALUE, NAME!=VALUE, NAME>VALUE, NAME>=VALUE, NAME<VALUE or NAME<=VALUE.");
        }

        return new ParameterCondition(text[..best].Trim(), op == "==" ? "=" : op, text[(best + op.Length)..].Trim());
    }

    /// <summary>Whether the run's recorded value satisfies the condition (a run without the parameter never does).</summary>
    public bool Matches(TaskRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var recorded = run.Parameter(Name);
        if (recorded is null)
        {
            return false;
        }

        var comparison = TryNumber(recorded, out var left) && TryNumber(Value, out var right)
            ? left.CompareTo(right)
            : string.CompareOrdinal(recorded, Value);
        return Operator switch
        {
            "=" => comparison == 0,
            "!=" => comparison != 0,
            ">" => comparison > 0,
            ">=" => comparison >= 0,
            "<" => comparison < 0,
            _ => comparison <= 0,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Name + Operator + Value;

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
