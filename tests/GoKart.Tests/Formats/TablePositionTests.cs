using System.Text;

namespace GoKart.Tests.Formats;

/// <summary>
/// Errors name the exact data row (from 1, header not counted) however far into the file it is: well past the 1 MiB
/// read buffer, with and without quoted cells, and through gzip.
/// </summary>
public sealed class TablePositionTests
{
    public static TheoryData<string, bool, int> Cases => new()
    {
        { "big.csv", false, 123_457 },
        { "big.csv", true, 123_457 },
        { "big.csv", false, 390_000 },
        { "big.csv", true, 390_000 },
        { "big.tsv", false, 250_001 },
        { "big.csv.gz", true, 390_000 },
        { "big.ndjson", false, 390_000 },
        { "big.json", true, 390_000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Read_BadValueFarIntoFile_NamesExactRow(string path, bool quoted, int badRow)
    {
        var bytes = await Compress(path, Make(path, quoted, badRow, rows: 400_000));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>(path, bytes));
        Assert.Equal($"{path}: row {badRow}, column 'Score': 'bad' is not a valid Double.", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Read_ShortRowFarIntoFile_NamesExactRowAndMissingColumns(bool quoted)
    {
        var text = Make("big.csv", quoted, badRow: -1, rows: 300_000);
        var lines = text.Split('\n');
        lines[200_000] = quoted ? "200000,\"n, 200000\",1.5" : "200000,n200000,1.5"; // line 0 is the header
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("big.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        Assert.Equal("big.csv: row 200000: it has 3 fields but the header has 5; no value for column(s) 'Flag', 'Count'.", e.Message);
    }

    private static string Make(string path, bool quoted, int badRow, int rows)
    {
        var text = new StringBuilder();
        var tab = path.Contains(".tsv", StringComparison.Ordinal);
        var json = path.Contains(".json", StringComparison.Ordinal) || path.Contains(".ndjson", StringComparison.Ordinal);
        if (!json)
        {
            text.Append(tab ? "Id\tName\tScore\tFlag\tCount\n" : "Id,Name,Score,Flag,Count\n");
        }
        else if (!path.Contains(".ndjson", StringComparison.Ordinal))
        {
            text.Append("[\n");
        }

        for (var i = 1; i <= rows; i++)
        {
            var name = quoted ? $"n, {i}" : $"n{i}";
            var score = i == badRow ? "bad" : (i * 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (json)
            {
                var scoreJson = i == badRow ? "\"bad\"" : score;
                text.Append("{\"Id\":").Append(i).Append(",\"Name\":\"").Append(name).Append("\",\"Score\":").Append(scoreJson).Append(",\"Flag\":true,\"Count\":null}");
                text.Append(path.Contains(".ndjson", StringComparison.Ordinal) || i == rows ? "\n" : ",\n");
            }
            else
            {
                var cell = quoted ? $"\"{name}\"" : name;
                var d = tab ? '\t' : ',';
                text.Append(i).Append(d).Append(cell).Append(d).Append(score).Append(d).Append("True").Append(d).Append(i % 7).Append('\n');
            }
        }

        if (json && !path.Contains(".ndjson", StringComparison.Ordinal))
        {
            text.Append("]\n");
        }

        return text.ToString();
    }

    private static async Task<byte[]> Compress(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            return bytes;
        }

        using var output = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(bytes);
        }

        return output.ToArray();
    }
}
