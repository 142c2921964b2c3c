namespace GoKart.Arrow.Tests;

public sealed record Person(int Id, string Name);

public sealed record PersonWithAge(int Id, string Name, int Age);

public sealed record PersonNamedByNumber(int Id, double Name);

public sealed record Stamp(DateTime When);

public sealed class ArrowFormatTests
{
    [Theory]
    [InlineData(ArrowCompression.None)]
    [InlineData(ArrowCompression.Lz4)]
    [InlineData(ArrowCompression.Zstd)]
    public async Task RoundTrip_EveryColumnType_ComesBackEqualAcrossRowGroups(ArrowCompression compression)
    {
        var rows = Enumerable.Range(0, 10).Select(Rows.Make).ToList();
        var options = new ArrowFormatOptions { Compression = compression, BatchSize = 3 };

        var bytes = await Rows.WriteAsync<IReadOnlyList<Wide>>("x.feather", rows, options);
        var back = await Rows.ReadAsync<IReadOnlyList<Wide>>("x.feather", bytes);

        Assert.Equal(rows, back);
        Assert.All(back, r => Assert.Equal(DateTimeKind.Unspecified, r.When.Kind));
        Assert.All(back, r => Assert.Equal(TimeSpan.Zero, r.At.Offset));
    }

    [Fact]
    public async Task Write_CompressionOption_ChangesTheBytes()
    {
        var rows = Enumerable.Range(0, 200).Select(Rows.Make).ToList();
        var none = await Rows.WriteAsync<IReadOnlyList<Wide>>("x.feather", rows);
        var snappy = await Rows.WriteAsync<IReadOnlyList<Wide>>("x.feather", rows, new ArrowFormatOptions { Compression = ArrowCompression.Lz4 });
        var zstd = await Rows.WriteAsync<IReadOnlyList<Wide>>("x.feather", rows, new ArrowFormatOptions { Compression = ArrowCompression.Zstd });
        Assert.True(snappy.Length < none.Length, $"lz4 {snappy.Length} vs none {none.Length}");
        Assert.True(zstd.Length < none.Length, $"zstd {zstd.Length} vs none {none.Length}");
    }

    [Fact]
    public async Task RoundTrip_EmptyTable_ReadsBackEmpty()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Person>>("x.feather", []);
        Assert.Empty(await Rows.ReadAsync<IReadOnlyList<Person>>("x.feather", bytes));
    }

    [Fact]
    public async Task Read_MissingRequiredColumn_NamesFileAndColumn()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Person>>("people.feather", [new(1, "a")]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<PersonWithAge>>("people.feather", bytes));
        Assert.Contains("people.feather", e.Message);
        Assert.Contains("'Age'", e.Message);
    }

    [Fact]
    public async Task Read_ColumnOfWrongType_NamesFileAndColumn()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Person>>("people.feather", [new(1, "a")]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<PersonNamedByNumber>>("people.feather", bytes));
        Assert.Contains("people.feather", e.Message);
        Assert.Contains("column 'Name'", e.Message);
        Assert.Contains("utf8", e.Message);
    }

    [Fact]
    public async Task Read_StrictColumns_RejectsExtraColumn()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<PersonWithAge>>("people.feather", [new(1, "a", 3)]);
        Assert.Equal([new Person(1, "a")], await Rows.ReadAsync<IReadOnlyList<Person>>("people.feather", bytes));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<Person>>("people.feather", bytes, new ArrowFormatOptions { StrictColumns = true }));
        Assert.Contains("'Age'", e.Message);
    }

    [Fact]
    public async Task Read_NullInNonNullableColumn_NamesRowAndColumn()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<NullableId>>("ids.feather", [new(1), new(null)]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<PlainId>>("ids.feather", bytes));
        Assert.Contains("ids.feather: row 2, column 'Id'", e.Message);
    }

    [Fact]
    public async Task Read_IntegerOfAnotherWidth_IsAColumnTypeError()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<LongId>>("ids.feather", [new(1)]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<PlainId>>("ids.feather", bytes));
        Assert.Contains("ids.feather: column 'Id' holds int64", e.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.2)]
    public async Task Read_TruncatedFile_IsAnErrorNamingTheFile(double keep)
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Wide>>("cut.feather", Enumerable.Range(0, 50).Select(Rows.Make).ToList());
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<Wide>>("cut.feather", bytes[..(int)(bytes.Length * keep)]));
        Assert.StartsWith("cut.feather: ", e.Message);
    }

    [Fact]
    public async Task Read_CorruptPages_IsAnErrorNamingTheFile()
    {
        var bytes = await Rows.WriteAsync<IReadOnlyList<Wide>>("bad.feather", Enumerable.Range(0, 50).Select(Rows.Make).ToList());
        for (var i = 8; i < bytes.Length / 2; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var e = await Assert.ThrowsAnyAsync<Exception>(() => Rows.ReadAsync<IReadOnlyList<Wide>>("bad.feather", bytes));
        Assert.IsType<InvalidDataException>(e);
        Assert.StartsWith("bad.feather: ", e.Message);
    }

    [Fact]
    public async Task Read_NotParquetAtAll_IsAnErrorNamingTheFile()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.ReadAsync<IReadOnlyList<Person>>("text.feather", "Id,Name\n1,a\n"u8.ToArray()));
        Assert.StartsWith("text.feather: ", e.Message);
    }

    [Fact]
    public async Task Write_DateOutsideNanosecondRange_NamesRowAndColumn()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Rows.WriteAsync<IReadOnlyList<Stamp>>("t.feather", [new(new DateTime(2000, 1, 1)), new(new DateTime(1500, 1, 1))]));
        Assert.Contains("t.feather: row 2, column 'When'", e.Message);
    }

    [Fact]
    public void Supports_RejectsTypesParquetCannotHold()
    {
        var format = new ArrowFormat();
        Assert.False(format.Supports(typeof(string)));
        Assert.False(format.Supports(typeof(IReadOnlyList<WithBigInteger>)));
        Assert.True(format.Supports(typeof(Wide[])));
    }
}

public sealed record NullableId(int? Id);

public sealed record PlainId(int Id);

public sealed record LongId(long Id);

public sealed record WithBigInteger(System.Numerics.BigInteger Value);
