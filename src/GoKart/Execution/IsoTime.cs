namespace GoKart.Execution;

/// <summary>
/// <see cref="DateTimeOffset"/> in the round-trip ("o") format, <c>2026-12-03T07:08:02.1234567+00:00</c>, written
/// without a culture: <c>ToString("o", CultureInfo.InvariantCulture)</c> makes the process's first
/// <c>CultureInfo</c>, which loads ICU (issue 18, start-up). The text is the same.
/// </summary>
internal static class IsoTime
{
    public const int Length = 33;

    public static string Format(DateTimeOffset time)
    {
        Span<char> chars = stackalloc char[Length];
        Write(chars, time);
        return new string(chars);
    }

    private static void Write(Span<char> chars, DateTimeOffset time)
    {
        var clock = time.DateTime;
        Digits(chars[..4], clock.Year);
        chars[4] = '-';
        Digits(chars.Slice(5, 2), clock.Month);
        chars[7] = '-';
        Digits(chars.Slice(8, 2), clock.Day);
        chars[10] = 'T';
        Digits(chars.Slice(11, 2), clock.Hour);
        chars[13] = ':';
        Digits(chars.Slice(14, 2), clock.Minute);
        chars[16] = ':';
        Digits(chars.Slice(17, 2), clock.Second);
        chars[19] = '.';
        Digits(chars.Slice(20, 7), (int)(clock.Ticks % TimeSpan.TicksPerSecond));
        var offset = (int)(time.Offset.Ticks / TimeSpan.TicksPerMinute);
        chars[27] = offset < 0 ? '-' : '+';
        offset = Math.Abs(offset);
        Digits(chars.Slice(28, 2), offset / 60);
        chars[30] = ':';
        Digits(chars.Slice(31, 2), offset % 60);
    }

    /// <summary>Fills <paramref name="destination"/> with <paramref name="value"/>'s last digits, zero-padded.</summary>
    private static void Digits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
