using GoKart.Testing;

namespace GoKart.Testing.Tests;

public sealed record Sale(string Item, double Amount, int Count);

public sealed class TableAssertTests
{
    [Fact]
    public void Equal_SameRows_Passes() =>
        TableAssert.Equal([new Sale("a", 1.5, 1)], new[] { new Sale("a", 1.5, 1) });

    [Fact]
    public void Equal_DifferentCellsAndExtraRow_MessageNamesRowColumnAndValues()
    {
        Sale[] expected = [new Sale("a", 1.5, 1), new Sale("b", 2, 2)];
        Sale[] actual = [new Sale("a", 2.5, 1), new Sale("b", 2, 3), new Sale("c", 0, 0)];

        var e = Assert.Throws<TableMismatchException>(() => TableAssert.Equal(expected, actual));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "Tables differ (2 row(s) expected, 3 actual; 3 difference(s)):",
                "  row 0, column 'Amount': expected 1.5, actual 2.5",
                "  row 1, column 'Count': expected 2, actual 3",
                "  row 2: unexpected { Item = \"c\", Amount = 0, Count = 0 }"),
            e.Message);
    }

    [Fact]
    public void Equal_WithinTolerance_Passes() =>
        TableAssert.Equal([new Sale("a", 0.1 + 0.2, 1)], [new Sale("a", 0.3, 1)], tolerance: 1e-12);

    [Fact]
    public void Equal_FloatingPointNoise_FailsWithoutTolerance() =>
        Assert.Throws<TableMismatchException>(() => TableAssert.Equal([new Sale("a", 0.1 + 0.2, 1)], [new Sale("a", 0.3, 1)]));

    [Fact]
    public void Equal_MissingRowOfScalars_Listed()
    {
        var e = Assert.Throws<TableMismatchException>(() => TableAssert.Equal(["x", "y"], ["x"]));

        Assert.Contains("row 1: missing, expected \"y\"", e.Message, StringComparison.Ordinal);
    }
}
