using System.Globalization;
using System.Text.RegularExpressions;
using GoKart.Descriptors;

namespace GoKart.CommandLine;

/// <summary>
/// Text of luigi's Year/Month/DateHour/DateMinute/DateSecond parameters, accepting what Python's
/// <c>strptime</c> accepts for their formats (one-digit months, days and hours; any letter case; the
/// deprecated <c>2024-05-10T19H07</c> of DateMinuteParameter).
/// </summary>
internal static partial class LuigiDateParser
{
    private const string Year = "(?<y>[0-9]{4})";
    private const string Month = "(?<mo>1[0-2]|0[1-9]|[1-9])";
    private const string Day = "(?<d>3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])";
    private const string Hour = "(?<h>2[0-3]|[0-1][0-9]|[0-9])";
    private const string Minute = "(?<mi>[0-5][0-9]|[0-9])";
    private const string Second = "(?<s>[0-5][0-9]|[0-9])";

    public static object Parse(string text, ParameterKind kind)
    {
        var match = kind switch
        {
            ParameterKind.Year => YearText().Match(text),
            ParameterKind.Month => MonthText().Match(text),
            ParameterKind.DateHour => HourText().Match(text),
            ParameterKind.DateMinute => DeprecatedMinuteText().Match(text) is { Success: true } old ? old : MinuteText().Match(text),
            ParameterKind.DateSecond => SecondText().Match(text),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a luigi date kind"),
        };
        if (!match.Success)
        {
            throw new FormatException("expected " + ScalarParser.Expected(ParameterTypeOf(kind)));
        }

        int N(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value.Trim(), CultureInfo.InvariantCulture) : 0;
        try
        {
            return kind switch
            {
                ParameterKind.Year => new DateOnly(N("y"), 1, 1),
                ParameterKind.Month => new DateOnly(N("y"), N("mo"), 1),
                _ => new DateTime(N("y"), N("mo"), N("d"), N("h"), N("mi"), N("s"), DateTimeKind.Unspecified),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException($"out of range: '{text}' is not a date that exists");
        }
    }

    private static ParameterType ParameterTypeOf(ParameterKind kind) => kind switch
    {
        ParameterKind.Year => ParameterType.For(typeof(DateOnly), DateGranularity.Year)!,
        ParameterKind.Month => ParameterType.For(typeof(DateOnly), DateGranularity.Month)!,
        ParameterKind.DateHour => ParameterType.For(typeof(DateTime), DateGranularity.Hour)!,
        ParameterKind.DateMinute => ParameterType.For(typeof(DateTime), DateGranularity.Minute)!,
        _ => ParameterType.For(typeof(DateTime), DateGranularity.Second)!,
    };

    [GeneratedRegex("^" + Year + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex YearText();

    [GeneratedRegex("^" + Year + "-" + Month + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex MonthText();

    [GeneratedRegex("^" + Year + "-" + Month + "-" + Day + "T" + Hour + @"\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HourText();

    [GeneratedRegex("^" + Year + "-" + Month + "-" + Day + "T" + Hour + Minute + @"\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MinuteText();

    [GeneratedRegex("^" + Year + "-" + Month + "-" + Day + "T" + Hour + "H" + Minute + @"\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DeprecatedMinuteText();

    [GeneratedRegex("^" + Year + "-" + Month + "-" + Day + "T" + Hour + Minute + Second + @"\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecondText();
}
