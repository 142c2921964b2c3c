using System.ComponentModel.DataAnnotations.Schema;

namespace GoKart.Tests.Formats;

public sealed record Row(int Id, string Name, double Score, bool Flag, long? Count);

public sealed class MutableRow
{
    public int Id { get; set; }

    public string? Note { get; set; }

    [Column("score_value")]
    public double Score { get; set; } = 1.5;

    public DateOnly Day { get; init; }
}

public sealed record Numeric(double A, float B, long C, int D, bool E, string S);

public sealed record Wide(double C0, double C1, double C2);

public static class SampleRows
{
    public static List<Row> Make() =>
    [
        new(1, "plain", 1.5, true, 10),
        new(2, "comma, \"quoted\"\nnewline", -0.1, false, null),
        new(3, "日本語テキスト", double.NaN, true, long.MaxValue),
        new(4, "", double.PositiveInfinity, false, -5),
        new(5, "tab\there", 1e-300, true, 0),
    ];

    public static void AssertEqual(IReadOnlyList<Row> expected, IReadOnlyList<Row> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }
}
