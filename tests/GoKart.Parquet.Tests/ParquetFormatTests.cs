namespace GoKart.Parquet.Tests;

public sealed record Person(int Id, string Name);

public sealed record PersonWithAge(int Id, string Name, int Age);

public sealed record PersonNamedByNumber(int Id, double Name);

public sealed record Stamp(DateTime When);

public sealed class ParquetFormatTests
{
    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Zstd)]
    [InlineData(ParquetCompression.None)]
    public async Task RoundTrip_EveryColumnType_ComesBackEqualAcrossRowGroups(ParquetCompression compression)
    {
        var rows = Enumerable.Range(0, 10).Select(Rows.Make).ToList();
        var options = new ParquetFormatOptions { Compression = compression, RowGroupSize = 3 };

        var bytes = await Rows.WriteAsync<IReadOnlyList<Wide>>("x.parquet", rows, options);
        var back = await Rows.ReadAsync<IReadOnlyList<Wide>>("x.parquet", bytes);

        Assert.Equal(rows, back);
        Assert.All(back, r => Assert.Equal(DateTimeKind.Unspecified, r.When.Kind));
        Assert.All(back, r => Assert.Equal(TimeSpan.Zero, r.At.Offset));
    }

    [Fact]
    public async Task Write_CompressionOption_ChangesTheBytes()
    {
        var rows = Enumerable.Range(0, 200).Select(Rows.Make).ToList();
        var snappy = await Rows.WriteAsync<IReadOnlyList<Wide>>("x.parquet", rows);
        var none = await Rows.WriteAsync<IReadOnlyList<Wide>>("x.parquet", rows, new ParquetFormatOptions { Compression = ParquetCompression.None });
        var zstd = await Rows.WriteAsync<IReadOnlyList<Wide>>("x.parquet", rows, new ParquetFormatOptions { Compression = ParquetCompression.Zstd });
        Assert.True(snappy.Length < none.Length, $"snappy {snappy.Length} vs none {none.Length}");
        Assert.True(zstd.Length < none.Length, $"zstd {zstd.Length} vs none {none.Length}");
    }

    [Fact]
    public async Task RoundTrip_EmptyTable_ReadsBackEmpty()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Person>>("x.parquet", []);
        Assert.Empty(await Rows.ReadAsync<IReadOnlyList<Person>>("x.parquet", bytes));
    }

    [Fact]
    public async Task Read_MissingRequiredColumn_NamesFileAndColumn()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Person>>("people.parquet", [new(1, "a")]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<PersonWithAge>>("people.parquet", bytes));
        Assert.Contains("people.parquet", e.Message);
        Assert.Contains("'Age'", e.Message);
    }

    [Fact]
    public async Task Read_ColumnOfWrongType_NamesFileAndColumn()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Person>>("people.parquet", [new(1, "a")]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<PersonNamedByNumber>>("people.parquet", bytes));
        Assert.Contains("people.parquet", e.Message);
        Assert.Contains("column 'Name'", e.Message);
        Assert.Contains("String", e.Message);
    }

    [Fact]
    public async Task Read_StrictColumns_RejectsExtraColumn()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<PersonWithAge>>("people.parquet", [new(1, "a", 3)]);
        Assert.Equal([new Person(1, "a")], await Rows.ReadAsync<IReadOnlyList<Person>>("people.parquet", bytes));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<Person>>("people.parquet", bytes, new ParquetFormatOptions { StrictColumns = true }));
        Assert.Contains("'Age'", e.Message);
    }

    [Fact]
    public async Task Read_NullInNonNullableColumn_NamesRowAndColumn()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<NullableId>>("ids.parquet", [new(1), new(null)]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<PlainId>>("ids.parquet", bytes));
        Assert.Contains("ids.parquet: row 2, column 'Id'", e.Message);
    }

    [Fact]
    public async Task Read_NarrowerIntegerProperty_ReadsInRangeValuesAndRejectsOverflow()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<LongId>>("ids.parquet", [new(1), new(5_000_000_000)]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<PlainId>>("ids.parquet", bytes));
        Assert.Contains("row 2, column 'Id'", e.Message);
        var small = await Rows.WriteAsync<IReadOnlyList<PlainId>>("ids.parquet", [new(7)]);
        Assert.Equal([new LongId(7)], await Rows.ReadAsync<IReadOnlyList<LongId>>("ids.parquet", small));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.2)]
    public async Task Read_TruncatedFile_IsAnErrorNamingTheFile(double keep)
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Wide>>("cut.parquet", Enumerable.Range(0, 50).Select(Rows.Make).ToList());
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<Wide>>("cut.parquet", bytes[..(int)(bytes.Length * keep)]));
        Assert.StartsWith("cut.parquet: ", e.Message);
    }

    [Fact]
    public async Task Read_CorruptPages_IsAnErrorNamingTheFile()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Wide>>("bad.parquet", Enumerable.Range(0, 50).Select(Rows.Make).ToList());
        for (var i = 8; i < bytes.Length / 2; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var e = await Assert.ThrowsAnyAsync<Exception>(() => Rows.ReadAsync<IReadOnlyList<Wide>>("bad.parquet", bytes));
        Assert.IsType<InvalidDataException>(e);
        Assert.StartsWith("bad.parquet: ", e.Message);
    }

    [Fact]
    public async Task Read_NotParquetAtAll_IsAnErrorNamingTheFile()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<Person>>("text.parquet", "Id,Name\n1,a\n"u8.ToArray()));
        Assert.StartsWith("text.parquet: ", e.Message);
    }

    [Fact]
    public async Task Write_DateOutsideNanosecondRange_NamesRowAndColumn()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.WriteAsync<IReadOnlyList<Stamp>>("t.parquet", [new(new DateTime(2000, 1, 1)), new(new DateTime(1500, 1, 1))]));
        Assert.Contains("t.parquet: row 2, column 'When'", e.Message);
    }

    [Fact]
    public async Task Write_OffsetWithSubMillisecondTicks_NamesRowAndColumn()
    {
        var whole = new DateTimeOffset(2021, 6, 1, 12, 0, 0, 5, TimeSpan.FromHours(9));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.WriteAsync<IReadOnlyList<Instant>>("i.parquet", [new(whole), new(whole.AddTicks(1))]));
        Assert.Contains("i.parquet: row 2, column 'At'", e.Message);
    }

    [Fact]
    public void Supports_RejectsTypesParquetCannotHold()
    {
        var format = new ParquetFormat();
        Assert.False(format.Supports(typeof(string)));
        Assert.False(format.Supports(typeof(IReadOnlyList<WithBigInteger>)));
        Assert.True(format.Supports(typeof(Wide[])));
    }
}

public sealed record Instant(DateTimeOffset At);

public sealed record NullableId(int? Id);

public sealed record PlainId(int Id);

public sealed record LongId(long Id);

public sealed record WithBigInteger(System.Numerics.BigInteger Value);
