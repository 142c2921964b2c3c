using System.Text;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

public sealed class CsvFormatTests
{
    [Theory]
    [InlineData("x.csv")]
    [InlineData("x.tsv")]
    [InlineData("x.ndjson")]
    [InlineData("x.json")]
    [InlineData("x.csv.gz")]
    [InlineData("x.ndjson.gz")]
    public async Task RoundTrip_RecordsWithSpecialValues_AreEqual(string path)
    {
        var rows = SampleRows.Make();
        var back = await FormatIO.RoundTripAsync<IReadOnlyList<Row>>(path, rows);
        SampleRows.AssertEqual(rows, back);
    }

    [Fact]
    public async Task Write_Records_ProducesPandasStyleCsv()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Row>>("x.csv", SampleRows.Make());
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("Id,Name,Score,Flag,Count\n1,plain,1.5,True,10\n2,\"comma, \"\"quoted\"\"\nnewline\",-0.1,False,\n", text);
        Assert.Contains("4,\"\",inf,False,-5\n", text);
    }

    [Fact]
    public async Task Read_MutableClassWithColumnAttributeAndMissingOptional_KeepsDefaults()
    {
        var csv = "Id,score_value,Day,Extra\n7,2.25,2024-02-29,x\n8,,2024-03-01,y\n"u8.ToArray();
        var rows = await FormatIO.ReadAsync<List<MutableRow>>("m.csv", csv);
        Assert.Equal(2, rows.Count);
        Assert.Equal(7, rows[0].Id);
        Assert.Null(rows[0].Note);
        Assert.Equal(2.25, rows[0].Score);
        Assert.Equal(new DateOnly(2024, 2, 29), rows[0].Day);
        Assert.True(double.IsNaN(rows[1].Score));
    }

    [Fact]
    public async Task Read_MissingRequiredColumn_NamesFileAndColumn()
    {
        var csv = "Id,Name,Flag\n1,a,True\n"u8.ToArray();
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("data/in.csv", csv));
        Assert.Contains("data/in.csv", e.Message);
        Assert.Contains("'Score' (Double)", e.Message);
    }

    [Fact]
    public async Task Read_ExtraColumnWhenStrict_IsError()
    {
        var csv = "Id,Name,Score,Flag,Count,Other\n1,a,1,True,,z\n"u8.ToArray();
        var loose = await FormatIO.ReadAsync<IReadOnlyList<Row>>("in.csv", csv);
        Assert.Single(loose);
        var strict = new Target("in.csv") { FormatOptions = new TableFormatOptions { StrictColumns = true } };
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("in.csv", csv, strict));
        Assert.Contains("'Other'", e.Message);
    }

    [Fact]
    public async Task Read_UnparsableValue_NamesRowColumnAndType()
    {
        var csv = "Id,Name,Score,Flag,Count\n1,a,1.0,True,3\n2,b,abc,False,4\n"u8.ToArray();
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("in.csv", csv));
        Assert.Equal("in.csv: row 2, column 'Score': 'abc' is not a valid Double.", e.Message);
    }

    [Fact]
    public async Task Read_EmptyCellInNonNullableColumn_IsError()
    {
        var csv = "Id,Name,Score,Flag,Count\n,a,1.0,True,3\n"u8.ToArray();
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("in.csv", csv));
        Assert.Contains("row 1, column 'Id': an empty value, but Int32 is not nullable", e.Message);
    }

    [Fact]
    public async Task Read_FileCutInHalf_IsErrorNotPartialRead()
    {
        var rows = Enumerable.Range(0, 1000).Select(i => new Row(i, "name" + i, i * 0.5, i % 2 == 0, i)).ToList();
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Row>>("x.csv", rows);
        var half = bytes[..(bytes.Length / 2)];
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("x.csv", half));
        Assert.Contains("x.csv", e.Message);
    }

    [Fact]
    public async Task Read_EmptyFile_IsError()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("x.csv", []));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public async Task RoundTrip_EmptyTable_KeepsHeader()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Row>>("x.csv", []);
        Assert.Equal("Id,Name,Score,Flag,Count\n", Encoding.UTF8.GetString(bytes));
        Assert.Empty(await FormatIO.ReadAsync<IReadOnlyList<Row>>("x.csv", bytes));
    }

    [Fact]
    public async Task RoundTrip_ShiftJis_WritesCp932Bytes()
    {
        var target = new Target("x.csv") { Encoding = TextEncodings.Get("cp932") };
        var rows = new List<Row> { new(1, "日本語", 1, true, null) };
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Row>>("x.csv", rows, target);
        Assert.Equal(TextEncodings.Get("shift_jis").GetBytes("Id,Name,Score,Flag,Count\n1,日本語,1,True,\n"), bytes);
        SampleRows.AssertEqual(rows, await FormatIO.ReadAsync<IReadOnlyList<Row>>("x.csv", bytes, target));
    }

    [Fact]
    public async Task RoundTrip_RowsLargerThanBuffer_AreEqual()
    {
        var big = new string('x', 3_000_000);
        var rows = new List<Row> { new(1, big, 1, true, 1), new(2, "\"" + big, 2, false, 2) };
        SampleRows.AssertEqual(rows, await FormatIO.RoundTripAsync<IReadOnlyList<Row>>("x.csv", rows));
    }

    [Theory]
    [InlineData("x.csv")]
    [InlineData("x.ndjson")]
    public async Task Write_LargeListInParallelBlocks_SameBytesAsSequential(string path)
    {
        var rows = Enumerable.Range(0, 40_000).Select(i => new Row(i, "n" + i, i / 3.0, i % 3 == 0, i % 5 == 0 ? null : i)).ToList();
        var parallel = await FormatIO.WriteAsync<IReadOnlyList<Row>>(path, rows);
        var sequential = await FormatIO.WriteAsync<IEnumerable<Row>>(path, rows.Select(r => r));
        Assert.Equal(sequential, parallel);
        SampleRows.AssertEqual(rows, await FormatIO.ReadAsync<IReadOnlyList<Row>>(path, parallel));
    }

    [Fact]
    public async Task Read_LargeNdjsonWithBadValue_NamesExactRow()
    {
        var text = new System.Text.StringBuilder();
        for (var i = 1; i <= 40_000; i++)
        {
            text.Append("{\"Id\":").Append(i).Append(",\"Name\":\"n\",\"Score\":").Append(i == 25_000 ? "\"x\"" : "1.5").Append(",\"Flag\":true,\"Count\":null}\n");
        }

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("big.ndjson", Encoding.UTF8.GetBytes(text.ToString())));
        Assert.Equal("big.ndjson: row 25000, column 'Score': 'x' is not a valid Double.", e.Message);
    }

    [Fact]
    public async Task Read_LargeFileWithBadValue_NamesExactRow()
    {
        var text = new System.Text.StringBuilder("Id,Name,Score,Flag,Count\n");
        for (var i = 1; i <= 40_000; i++)
        {
            text.Append(i).Append(",name,").Append(i == 30_000 ? "x1" : "1.5").Append(",True,7\n");
        }

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Row>>("big.csv", Encoding.UTF8.GetBytes(text.ToString())));
        Assert.Equal("big.csv: row 30000, column 'Score': 'x1' is not a valid Double.", e.Message);
    }

    [Fact]
    public async Task RoundTrip_ArrayTableType_ReturnsArray()
    {
        var rows = SampleRows.Make().ToArray();
        var back = await FormatIO.RoundTripAsync("x.tsv", rows);
        Assert.IsType<Row[]>(back);
        SampleRows.AssertEqual(rows, back);
    }
}
