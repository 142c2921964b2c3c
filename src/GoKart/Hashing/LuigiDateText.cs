using System.Globalization;

namespace GoKart.Hashing;

/// <summary>
/// Dates as luigi writes them with <c>strftime</c> on glibc, where <c>%Y</c> is the year without padding
/// (year 999 is <c>999</c>) and the other fields are two digits.
/// </summary>
internal static class LuigiDateText
{
    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static string Month(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}-{d.Month:00}");

    public static string Date(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}-{d.Month:00}-{d.Day:00}");

    public static string Hour(DateTime t) => string.Create(CultureInfo.InvariantCulture, $"{t.Year}-{t.Month:00}-{t.Day:00}T{t.Hour:00}");

    public static string Minute(DateTime t) => Hour(t) + t.Minute.ToString("00", CultureInfo.InvariantCulture);

    public static string Second(DateTime t) => Minute(t) + t.Second.ToString("00", CultureInfo.InvariantCulture);
}
