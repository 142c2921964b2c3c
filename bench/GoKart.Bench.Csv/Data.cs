namespace GoKart.Bench.Csv;

/// <summary>One row of the 1,000,000 x 10 doubles table.</summary>
public sealed record WideRow(double C0, double C1, double C2, double C3, double C4, double C5, double C6, double C7, double C8, double C9);

/// <summary>A string-heavy row: a name with commas and quotes, a note with a newline inside its quotes.</summary>
public sealed record TextRow(int Id, string Name, string Note, double Score);

internal static class Data
{
    /// <summary>Uniform doubles with 17 significant digits (Random(42)), the worst case for text, as the other harnesses make them.</summary>
    public static WideRow[] Wide(int count)
    {
        var random = new Random(42);
        var rows = new WideRow[count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new WideRow(random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(),
                random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble());
        }

        return rows;
    }

    public static TextRow[] Texts(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new TextRow(i, $"Name {i}, \"the {i % 7}th\" of them", $"first line of note {i}\nsecond line, with a comma", i * 0.25))];
}
