using GoKart.Formats.Tables;

namespace GoKart.Tests.Formats;

public sealed class BulkArraysTests
{
    private const long Second = 1_000_000_000;

    [Theory]
    [InlineData(8_000_000, 1_200_000, false)]   // 6.7 GB/s: a normal fill of fresh 2 MiB pages
    [InlineData(8_000_000, 2_500_000, false)]   // 3.2 GB/s
    [InlineData(8_000_000, 7_000_000, false)]   // 1.14 GB/s: still above the line
    [InlineData(8_000_000, 10_600_000, true)]   // 0.75 GB/s: pages the host had taken back
    [InlineData(8_000_000, 23_500_000, true)]
    [InlineData(2_000_000_000, 3 * Second, true)] // large arrays: no overflow on the way
    [InlineData(2_000_000_000, Second, false)]
    [InlineData(8_000_000, 0, false)]           // a clock that did not move says nothing
    public void TooSlow_FlagsFillsUnderOneGibPerSecond(long bytes, long nanoseconds, bool expected) =>
        Assert.Equal(expected, BulkArrays.TooSlow(bytes, nanoseconds, Second));

    [Fact]
    public void Allocate_LargeAndSmall_GiveArraysOfTheLength()
    {
        var large = BulkArrays.Allocate<double>(1_000_000);
        var small = BulkArrays.Allocate<int>(10);
        large[^1] = 1.5;
        Assert.Equal(1_000_000, large.Length);
        Assert.Equal(1.5, large[^1]);
        Assert.Equal(10, small.Length);
        Assert.Throws<ArgumentException>(() => BulkArrays.Allocate<string>(10));
    }
}
