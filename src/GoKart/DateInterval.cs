using System.Globalization;
using System.Text.RegularExpressions;
using GoKart.Hashing;

namespace GoKart;

/// <summary>
/// A half-open range of dates, <c>[Start, End)</c>, as luigi's <c>date_interval</c>: a day (<c>2024-05-10</c>),
/// an ISO week (<c>2024-W19</c>), a month (<c>2024-05</c>), a year (<c>2024</c>) or a custom range
/// (<c>2024-05-10-2024-06-10</c>). A task parameter of this type is luigi's <c>DateIntervalParameter</c>: it
/// parses and serialises the same text, so unique ids equal gokart's.
/// </summary>
/// <example>
/// <code>
/// public sealed class Report : TaskOnKart&lt;int&gt;
/// {
///     public DateInterval Period { get; init; } = DateInterval.OfMonth(2024, 5);
///     protected override int Run() => Period.Dates().Count();   // 31
/// }
/// // gokart Report --period 2024-W19
/// </code>
/// </example>
public sealed partial class DateInterval : IEquatable<DateInterval>
{
    private DateInterval(DateIntervalKind kind, DateOnly start, DateOnly end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    /// <summary>Which of luigi's interval classes this is.</summary>
    public DateIntervalKind Kind { get; }

    /// <summary>The first date in the interval (luigi's <c>date_a</c>).</summary>
    public DateOnly Start { get; }

    /// <summary>The first date after the interval (luigi's <c>date_b</c>, exclusive).</summary>
    public DateOnly End { get; }

    /// <summary>One day.</summary>
    public static DateInterval OfDate(DateOnly date) => new(DateIntervalKind.Date, date, date.AddDays(1));

    /// <summary>One ISO-8601 week (Monday to Sunday); week 2009-W01 starts on 2008-12-29.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year has no such week.</exception>
    public static DateInterval OfWeek(int year, int week)
    {
        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"{year} has no ISO week {week}");
        }

        var start = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new DateInterval(DateIntervalKind.Week, start, start.AddDays(7));
    }

    /// <summary>One calendar month.</summary>
    public static DateInterval OfMonth(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new DateInterval(DateIntervalKind.Month, start, start.AddMonths(1));
    }

    /// <summary>One calendar year.</summary>
    public static DateInterval OfYear(int year) =>
        new(DateIntervalKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 1, 1).AddYears(1));

    /// <summary>Any range <c>[start, end)</c>; like luigi, the order of the two dates is not checked.</summary>
    public static DateInterval Custom(DateOnly start, DateOnly end) => new(DateIntervalKind.Custom, start, end);

    /// <summary>
    /// Parses luigi's notations, trying year, month, week, date, then custom, as
    /// <c>DateIntervalParameter.parse</c> does.
    /// </summary>
    /// <exception cref="FormatException">The text is none of them, or names a date that does not exist.</exception>
    public static DateInterval Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            int N(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
            if (YearText().Match(text) is { Success: true } y)
            {
                return OfYear(N(y.Groups[1]));
            }

            if (MonthText().Match(text) is { Success: true } m)
            {
                return OfMonth(N(m.Groups[1]), N(m.Groups[2]));
            }

            if (WeekText().Match(text) is { Success: true } w)
            {
                return OfWeek(N(w.Groups[1]), N(w.Groups[2]));
            }

            if (DateText().Match(text) is { Success: true } d)
            {
                return OfDate(new DateOnly(N(d.Groups[1]), N(d.Groups[2]), N(d.Groups[3])));
            }

            if (CustomText().Match(text) is { Success: true } c)
            {
                return Custom(
                    new DateOnly(N(c.Groups[1]), N(c.Groups[2]), N(c.Groups[3])),
                    new DateOnly(N(c.Groups[4]), N(c.Groups[5]), N(c.Groups[6])));
            }
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"'{text}' is not a valid date interval: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }

        throw new FormatException(
            $"'{text}' is not a date interval; expected 2024, 2024-05, 2024-W19, 2024-05-10 or 2024-05-10-2024-06-10");
    }

    /// <summary>Every date in the interval, in order.</summary>
    public IEnumerable<DateOnly> Dates()
    {
        for (var d = Start; d < End; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    /// <summary>Whether <paramref name="date"/> lies in <c>[Start, End)</c>.</summary>
    public bool Contains(DateOnly date) => date >= Start && date < End;

    /// <summary>The interval of the same kind just before this one (luigi's <c>prev()</c>); not for custom ranges.</summary>
    public DateInterval Previous() => FromDate(Start.AddDays(-1));

    /// <summary>The interval of the same kind just after this one (luigi's <c>next()</c>); not for custom ranges.</summary>
    public DateInterval Next() => FromDate(End);

    /// <summary>luigi's text: <c>2024</c>, <c>2024-05</c>, <c>2024-W19</c>, <c>2024-05-10</c> or <c>2024-05-10-2024-06-10</c>.</summary>
    public override string ToString() => Kind switch
    {
        DateIntervalKind.Date => LuigiDateText.Date(Start),
        DateIntervalKind.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):00}"),
        DateIntervalKind.Month => LuigiDateText.Month(Start),
        DateIntervalKind.Year => LuigiDateText.Year(Start.Year),
        _ => LuigiDateText.Date(Start) + "-" + LuigiDateText.Date(End),
    };

    /// <inheritdoc/>
    public bool Equals(DateInterval? other) =>
        other is not null && Kind == other.Kind && Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DateInterval);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Start, End);

    private DateInterval FromDate(DateOnly d) => Kind switch
    {
        DateIntervalKind.Date => OfDate(d),
        DateIntervalKind.Week => OfWeek(ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue))),
        DateIntervalKind.Month => OfMonth(d.Year, d.Month),
        DateIntervalKind.Year => OfYear(d.Year),
        _ => throw new InvalidOperationException("a custom date interval has no previous or next interval"),
    };

    [GeneratedRegex(@"^([0-9]{4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex YearText();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex MonthText();

    [GeneratedRegex(@"^([0-9]{4})-W([0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex WeekText();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateText();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})-([0-9]{4})-([0-9]{2})-([0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex CustomText();
}
