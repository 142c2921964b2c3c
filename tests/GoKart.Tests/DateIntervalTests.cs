namespace GoKart.Tests;

// Expected values from luigi's date_interval.py run in Python 3.11 (see Hashing/DateParameterGoldenTests).
public sealed class DateIntervalTests
{
    [Theory]
    [InlineData("2024", DateIntervalKind.Year, "2024-01-01", "2025-01-01")]
    [InlineData("2024-05", DateIntervalKind.Month, "2024-05-01", "2024-06-01")]
    [InlineData("2009-W01", DateIntervalKind.Week, "2008-12-29", "2009-01-05")]
    [InlineData("2009-W53", DateIntervalKind.Week, "2009-12-28", "2010-01-04")]
    [InlineData("2024-02-29", DateIntervalKind.Date, "2024-02-29", "2024-03-01")]
    [InlineData("2024-05-10-2024-06-10", DateIntervalKind.Custom, "2024-05-10", "2024-06-10")]
    public void Parse_LuigiNotations_GiveHalfOpenRangeAndRoundTrip(string text, DateIntervalKind kind, string start, string end)
    {
        var interval = DateInterval.Parse(text);

        Assert.Equal(kind, interval.Kind);
        Assert.Equal(DateOnly.Parse(start), interval.Start);
        Assert.Equal(DateOnly.Parse(end), interval.End);
        Assert.Equal(text, interval.ToString());
    }

    [Theory]
    [InlineData("2023-W53", "2023 has no ISO week 53")]
    [InlineData("2024-W00", "2024 has no ISO week 0")]
    [InlineData("2024-13", "not a valid date interval")]
    [InlineData("2024-02-30", "not a valid date interval")]
    [InlineData("24-05", "expected 2024, 2024-05")]
    [InlineData("2024-5", "expected 2024, 2024-05")]
    public void Parse_InvalidText_FormatExceptionNamingIt(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => DateInterval.Parse(text));

        Assert.Contains(text, e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PreviousAndNext_CrossYearBoundariesAsLuigi()
    {
        Assert.Equal("2009-W53", DateInterval.OfWeek(2010, 1).Previous().ToString());
        Assert.Equal("2010-W01", DateInterval.OfWeek(2009, 53).Next().ToString());
        Assert.Equal("2023-12", DateInterval.OfMonth(2024, 1).Previous().ToString());
        Assert.Equal("2025", DateInterval.OfYear(2024).Next().ToString());
        Assert.Throws<InvalidOperationException>(() => DateInterval.Custom(new(2024, 1, 1), new(2024, 2, 1)).Next());
    }

    [Fact]
    public void Dates_Month_EveryDayOnce()
    {
        var dates = DateInterval.OfMonth(2024, 2).Dates().ToList();

        Assert.Equal(29, dates.Count);
        Assert.Equal(new DateOnly(2024, 2, 29), dates[^1]);
        Assert.True(DateInterval.OfMonth(2024, 2).Contains(new DateOnly(2024, 2, 29)));
        Assert.False(DateInterval.OfMonth(2024, 2).Contains(new DateOnly(2024, 3, 1)));
    }

    [Fact]
    public void Equals_SameKindAndRange()
    {
        Assert.Equal(DateInterval.Parse("2024-05"), DateInterval.OfMonth(2024, 5));
        Assert.NotEqual(DateInterval.Parse("2024-05-01-2024-06-01"), DateInterval.OfMonth(2024, 5));
    }
}
