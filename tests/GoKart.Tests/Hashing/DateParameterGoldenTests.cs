namespace GoKart.Tests.Hashing;

// Expected ids computed with gokart's formula in Python 3.11, independently of this code: luigi's own
// date_interval.py parses the interval, luigi's Month/Year/DateHour/DateMinute normalise-then-strftime is
// restated by hand, and md5(str([{name: text}, 'ClassName'])) gives the id.
public sealed class IntervalTask : TaskOnKart<int>
{
    public required DateInterval Period { get; init; }

    protected override int Run() => Period.Dates().Count();
}

public sealed class GranularDates : TaskOnKart<int>
{
    [Parameter(Granularity = DateGranularity.Month)]
    public DateOnly Month { get; init; }

    [Parameter(Granularity = DateGranularity.Year)]
    public DateOnly Year { get; init; }

    [Parameter(Granularity = DateGranularity.Hour)]
    public DateTime Hour { get; init; }

    [Parameter(Granularity = DateGranularity.Minute)]
    public DateTime Minute { get; init; }

    protected override int Run() => 0;
}

public sealed class DateParameterGoldenTests
{
    [Theory]
    [InlineData("2024", "2d0f78070c0c829f672176e7b4d1cfba")]
    [InlineData("2024-05", "5093e31c325611a2cab9a4bfa1b83181")]
    [InlineData("2009-W01", "e5605c1d5cbf09fe8c26cdc1d8ca788e")]
    [InlineData("2009-W53", "e0fc7080d2c92878eaa286af74b69c90")]
    [InlineData("2024-02-29", "c2acc3b96b365279c13d48e011e4f9f6")]
    [InlineData("2024-05-10-2024-06-10", "8dd0b387c9e00dc1a87a964cc09a6789")]
    public void UniqueId_DateIntervalParameter_MatchesGokart(string text, string expected) =>
        Assert.Equal(expected, new IntervalTask { Period = DateInterval.Parse(text) }.UniqueId);

    [Fact]
    public void UniqueId_IntervalBuiltInCode_EqualsParsedOne() =>
        Assert.Equal("e5605c1d5cbf09fe8c26cdc1d8ca788e", new IntervalTask { Period = DateInterval.OfWeek(2009, 1) }.UniqueId);

    [Fact]
    public void UniqueId_MonthYearHourMinute_DropFinerFieldsAsLuigiNormalises() =>
        Assert.Equal("e2c07dc0f82172e3208e5e366b0c9c58", new GranularDates
        {
            Month = new DateOnly(2024, 5, 17),
            Year = new DateOnly(2024, 7, 4),
            Hour = new DateTime(2024, 5, 10, 19, 42, 13).AddTicks(5000),
            Minute = new DateTime(2024, 5, 10, 19, 7, 59),
        }.UniqueId);

    [Fact]
    public void UniqueId_SameMonthOtherDay_SameId() =>
        Assert.Equal(
            new GranularDates { Month = new DateOnly(2024, 5, 1) }.UniqueId,
            new GranularDates { Month = new DateOnly(2024, 5, 31) }.UniqueId);
}
