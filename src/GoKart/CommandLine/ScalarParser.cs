using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml;
using GoKart.Descriptors;

namespace GoKart.CommandLine;

/// <summary>
/// Text to scalar parameter values, accepting what luigi's parameters accept (and what
/// <see cref="Hashing.LuigiSerializer"/> writes, so values round-trip).
/// </summary>
internal static partial class ScalarParser
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HHmmss", "yyyy-MM-dd'T'HHmmss.FFFFFFF", "yyyy-MM-dd'T'HHmm", "yyyy-MM-dd'T'HH", "yyyy-MM-dd",
    ];

    /// <summary>Parses <paramref name="text"/>; <see cref="FormatException"/> with a short reason otherwise.</summary>
    public static object Parse(string text, ParameterType type)
    {
        var t = type.ValueType;
        var invariant = CultureInfo.InvariantCulture;
        switch (type.Kind)
        {
            case ParameterKind.String:
                return text;
            case ParameterKind.Bool:
                return text.Trim().ToUpperInvariant() switch
                {
                    "TRUE" or "1" or "YES" => true,
                    "FALSE" or "0" or "NO" => false,
                    _ => throw new FormatException("expected true or false"),
                };
            case ParameterKind.Integer:
                return ParseNumber(text.Trim(), t, NumberStyles.Integer);
            case ParameterKind.Single:
                return t == typeof(Half) ? (Half)(float)ParseFloat(text) : (float)ParseFloat(text);
            case ParameterKind.Double:
                return ParseFloat(text);
            case ParameterKind.Decimal:
                return decimal.Parse(text.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, invariant);
            case ParameterKind.Enum:
                return ParseEnum(text.Trim(), t);
            case ParameterKind.DateOnly:
                return DateOnly.ParseExact(text.Trim(), "yyyy-MM-dd", invariant);
            case ParameterKind.DateTime:
                return DateTime.TryParseExact(text.Trim(), DateTimeFormats, invariant, DateTimeStyles.None, out var exact)
                    ? exact
                    : DateTime.Parse(text.Trim(), invariant, DateTimeStyles.RoundtripKind);
            case ParameterKind.DateTimeOffset:
                return DateTimeOffset.Parse(text.Trim(), invariant, DateTimeStyles.AssumeUniversal);
            case ParameterKind.TimeSpan:
                return ParseTimeSpan(text.Trim());
            case ParameterKind.Year or ParameterKind.Month or ParameterKind.DateHour or ParameterKind.DateMinute or ParameterKind.DateSecond:
                return LuigiDateParser.Parse(text, type.Kind);
            case ParameterKind.DateInterval:
                return DateInterval.Parse(text);
            case ParameterKind.Guid:
                return Guid.Parse(text.Trim());
            case ParameterKind.Char:
                return text.Length == 1 ? text[0] : throw new FormatException("expected a single character");
            default:
                throw new FormatException($"{TypeText.Of(type)} is not a scalar");
        }
    }

    /// <summary>Examples for error messages and help.</summary>
    public static string Expected(ParameterType type) => type.Kind switch
    {
        ParameterKind.Bool => "true or false",
        ParameterKind.Enum => "one of " + string.Join(", ", Enum.GetNames(type.ValueType)),
        ParameterKind.DateOnly => "a date like 2024-01-31",
        ParameterKind.DateTime => "a date and time like 2024-01-31T120000 or 2024-01-31T12:00:00",
        ParameterKind.DateTimeOffset => "a date and time with offset like 2024-01-31T12:00:00+09:00",
        ParameterKind.Year => "a year like 2024",
        ParameterKind.Month => "a month like 2024-05",
        ParameterKind.DateHour => "a date and hour like 2024-05-10T19",
        ParameterKind.DateMinute => "a date and minute like 2024-05-10T1907",
        ParameterKind.DateSecond => "a date and time like 2024-05-10T190738",
        ParameterKind.DateInterval => "a date interval like 2024, 2024-05, 2024-W19, 2024-05-10 or 2024-05-10-2024-06-10",
        ParameterKind.TimeSpan => "a duration like '1 d 2 h', P1DT2H or 01:30:00",
        ParameterKind.List => "a JSON array like [1, 2] or comma-separated values",
        ParameterKind.TaskList => "a JSON array of tasks like [{\"type\": \"TaskName\", \"params\": {}}]",
        ParameterKind.Dictionary => "a JSON object like {\"key\": 1}",
        ParameterKind.Task => "a task as JSON like {\"type\": \"TaskName\", \"params\": {\"name\": \"value\"}}",
        _ => TypeText.Of(type),
    };

    private static double ParseFloat(string text) => text.Trim().ToUpperInvariant() switch
    {
        "NAN" => double.NaN,
        "INF" or "+INF" or "INFINITY" => double.PositiveInfinity,
        "-INF" or "-INFINITY" => double.NegativeInfinity,
        _ => double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static object ParseNumber(string text, Type type, NumberStyles styles)
    {
        if (type == typeof(BigInteger))
        {
            return BigInteger.Parse(text, styles, CultureInfo.InvariantCulture);
        }

        // A typed switch over the integer types ParameterType accepts: no reflection, so a Native AOT program has it too.
        var c = CultureInfo.InvariantCulture;
        object? parsed;
        try
        {
            parsed = type switch
            {
                _ when type == typeof(sbyte) => sbyte.Parse(text, styles, c),
                _ when type == typeof(byte) => byte.Parse(text, styles, c),
                _ when type == typeof(short) => short.Parse(text, styles, c),
                _ when type == typeof(ushort) => ushort.Parse(text, styles, c),
                _ when type == typeof(int) => int.Parse(text, styles, c),
                _ when type == typeof(uint) => uint.Parse(text, styles, c),
                _ when type == typeof(long) => long.Parse(text, styles, c),
                _ when type == typeof(ulong) => ulong.Parse(text, styles, c),
                _ when type == typeof(Int128) => Int128.Parse(text, styles, c),
                _ when type == typeof(UInt128) => UInt128.Parse(text, styles, c),
                _ when type == typeof(nint) => nint.Parse(text, styles, c),
                _ when type == typeof(nuint) => nuint.Parse(text, styles, c),
                _ => null,
            };
        }
        catch (OverflowException)
        {
            throw new FormatException($"out of range for {type.Name}");
        }
        catch (FormatException)
        {
            throw new FormatException("expected a whole number");
        }

        return parsed ?? throw new FormatException($"cannot parse {type.Name}");
    }

    private static object ParseEnum(string text, Type type)
    {
        var names = Enum.GetNames(type);
        var name = names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (name is not null)
        {
            return Enum.Parse(type, name);
        }

        if (type.IsDefined(typeof(FlagsAttribute)) && Enum.TryParse(type, text, ignoreCase: true, out var flags))
        {
            return flags!;
        }

        throw new FormatException("expected one of " + string.Join(", ", names));
    }

    private static TimeSpan ParseTimeSpan(string text)
    {
        if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                return XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                throw new FormatException("expected an ISO 8601 duration like P1DT2H");
            }
        }

        var match = LuigiDuration().Match(text);
        if (match.Success && text.Length > 0)
        {
            static double Part(Match m, string group) =>
                m.Groups[group].Success ? double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
            return TimeSpan.FromDays((Part(match, "w") * 7) + Part(match, "d"))
                + TimeSpan.FromHours(Part(match, "h"))
                + TimeSpan.FromMinutes(Part(match, "m"))
                + TimeSpan.FromSeconds(Part(match, "s"));
        }

        throw new FormatException("expected a duration like '1 d 2 h', P1DT2H or 01:30:00");
    }

    // luigi's TimeDeltaParameter text: "1 w 2 d 3 h 4 m 5 s", each part optional, unit words allowed.
    [GeneratedRegex(@"^\s*(?:(?<w>\d+(?:\.\d+)?)\s*w(?:eeks?)?\s*)?(?:(?<d>\d+(?:\.\d+)?)\s*d(?:ays?)?\s*)?(?:(?<h>\d+(?:\.\d+)?)\s*h(?:ours?)?\s*)?(?:(?<m>\d+(?:\.\d+)?)\s*m(?:inutes?)?\s*)?(?:(?<s>\d+(?:\.\d+)?)\s*s(?:econds?)?\s*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LuigiDuration();
}
