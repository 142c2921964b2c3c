namespace GoKart.Tests.Formats;

/// <summary>Every table format refuses a file cut short mid-record instead of returning the rows before the cut.</summary>
public sealed class TruncatedTableTests
{
    private static readonly List<Row> Rows = [.. Enumerable.Range(0, 2000).Select(i => new Row(i, "name" + i, i * 0.25, i % 3 == 0, i % 5 == 0 ? null : i))];

    [Theory]
    [InlineData("t.csv")]
    [InlineData("t.tsv")]
    [InlineData("t.ndjson")]
    [InlineData("t.json")]
    [InlineData("t.csv.gz")]
    [InlineData("t.ndjson.gz")]
    [InlineData("t.npz")]
    [InlineData("t.pkl")]
    public async Task Read_CutMidRecord_IsErrorNamingFile(string path)
    {
        var table = path.EndsWith(".pkl", StringComparison.Ordinal)
            ? await FormatIO.WriteAsync<object>(path, Rows.Select(r => (object?)new List<object?> { r.Id, r.Name, r.Score }).ToList())
            : await FormatIO.WriteAsync<IReadOnlyList<Row>>(path, Rows);
        foreach (var fraction in new[] { 0.2, 0.5, 0.9 })
        {
            var cut = (int)(table.Length * fraction);
            while (table[cut - 1] == (byte)'\n')
            {
                cut--; // a cut right after a line end is a shorter valid text file; see docs/formats.md
            }

            var e = await Assert.ThrowsAsync<InvalidDataException>(() => path.EndsWith(".pkl", StringComparison.Ordinal)
                ? FormatIO.ReadAsync<object>(path, table[..cut])
                : FormatIO.ReadAsync<IReadOnlyList<Row>>(path, table[..cut]));
            Assert.True(e.Message.Contains(path, StringComparison.Ordinal), $"cut at {cut} of {table.Length}: {e.Message}");
        }
    }

    [Theory]
    [InlineData("t.csv.gz")]
    [InlineData("t.npz")]
    public async Task Read_FlippedByte_IsErrorNamingFile(string path)
    {
        var table = await FormatIO.WriteAsync<IReadOnlyList<Row>>(path, Rows);
        foreach (var fraction in new[] { 0.3, 0.6 })
        {
            var corrupt = table.ToArray();
            corrupt[(int)(corrupt.Length * fraction)] ^= 0x5a;
            var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>(path, corrupt));
            Assert.Contains(path, e.Message);
        }
    }
}
