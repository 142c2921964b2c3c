using System.Numerics;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

public enum Shade
{
    Red,
    Green,
    Blue,
}

/// <summary>One property of every type a CSV column holds that numpy has no plain dtype for.</summary>
public sealed record Everything(
    DateTime When, DateTime? MaybeWhen, DateTimeOffset At, DateTimeOffset? MaybeAt, DateOnly Day, DateOnly? MaybeDay,
    TimeSpan Took, TimeSpan? MaybeTook, TimeOnly Clock, TimeOnly? MaybeClock,
    double? Score, float? Ratio, Half? Tiny, int? Count, long? Big, byte? Small, ulong? Unsigned, bool? Flag,
    Shade Shade, Shade? MaybeShade, Guid Id, Guid? MaybeId, decimal Price, decimal? MaybePrice, BigInteger Huge, char Letter,
    string Name, string? Note, double Plain);

public sealed record Stamped(DateTime When);

public sealed record MaybeStamped(DateTime? When);

public sealed record Dated(DateOnly Day);

public sealed record Lasting(TimeSpan Took);

public sealed record Clocked(TimeOnly Clock);

public sealed record Counted(int? Count);

public sealed record BigCounted(long? Count);

public sealed record Flagged(bool? Flag);

public sealed record Shaded(Shade Shade, Guid? Id);

public sealed record Priced(decimal Price);

public sealed record Measured(double Value);

public sealed class NpzTableColumnsTests
{
    private static readonly Guid SomeId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    public static Everything Full { get; } = new(
        new DateTime(2024, 2, 29, 13, 45, 12, DateTimeKind.Unspecified).AddTicks(3456789), new DateTime(1970, 1, 1),
        new DateTimeOffset(2024, 2, 29, 22, 45, 12, TimeSpan.FromHours(9)), new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero),
        new DateOnly(2024, 2, 29), new DateOnly(1, 1, 1),
        new TimeSpan(1, 2, 3, 4) + TimeSpan.FromTicks(5), -TimeSpan.FromMilliseconds(1.5), new TimeOnly(23, 59, 59, 999, 999), TimeOnly.MinValue,
        1.5, -2.25f, (Half)0.5, int.MinValue, 1L << 53, 255, 9_007_199_254_740_992UL, true,
        Shade.Blue, Shade.Red, SomeId, Guid.Empty, 1.10m, decimal.MaxValue, BigInteger.Pow(10, 40) + 1, 'é',
        "日本", "note", double.NaN);

    public static Everything Nulls { get; } = Full with
    {
        MaybeWhen = null, MaybeAt = null, MaybeDay = null, MaybeTook = null, MaybeClock = null, Score = null, Ratio = null, Tiny = null,
        Count = null, Big = -(1L << 53), Small = null, Unsigned = null, Flag = null, MaybeShade = null, MaybeId = null, MaybePrice = null, Note = null,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RoundTrip_EverySupportedType_WithNulls_IsEqual(bool compressed)
    {
        var target = new Target("e.npz") { FormatOptions = new TableFormatOptions { Compressed = compressed } };
        IReadOnlyList<Everything> rows = [Full, Nulls, Full with { Flag = false, Shade = Shade.Green, MaybeWhen = new DateTime(2262, 4, 11) }];

        var back = await FormatIO.RoundTripAsync("e.npz", rows, target);

        // numpy has no null string: a null string? comes back empty, as before.
        Assert.Equal(rows.Select(r => r.Note is null ? r with { Note = string.Empty } : r), back);
        Assert.Equal("1.10", back[0].Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeKind.Unspecified, back[0].When.Kind);
        Assert.Equal(TimeSpan.Zero, back[0].At.Offset);
    }

    [Fact]
    public async Task Write_EachType_UsesTheDtypePandasUses()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Everything>>("e.npz", [Full, Nulls]);

        var descrs = NpzBytes.Descrs(bytes);

        Assert.Equal("<M8[ns]", descrs["When"]);
        Assert.Equal("<M8[ns]", descrs["MaybeAt"]);
        Assert.Equal("<M8[D]", descrs["Day"]);
        Assert.Equal("<m8[ns]", descrs["Took"]);
        Assert.Equal("<m8[ns]", descrs["MaybeClock"]);
        Assert.Equal("<f8", descrs["Score"]);
        Assert.Equal("<f4", descrs["Ratio"]);
        Assert.Equal("<f2", descrs["Tiny"]);
        Assert.Equal("<f8", descrs["Count"]);
        Assert.Equal("<f8", descrs["Flag"]);
        Assert.Equal("<U4", descrs["Shade"]);
        Assert.Equal("<U36", descrs["Id"]);
        Assert.Equal("<U1", descrs["Letter"]);
        Assert.Equal("<f8", descrs["Plain"]);
    }

    [Fact]
    public async Task Write_LocalDateTime_IsStoredAsUtc()
    {
        var local = new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Local);
        var utc = new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc);

        var back = await FormatIO.RoundTripAsync<IReadOnlyList<Stamped>>("s.npz", [new(local), new(utc)]);

        Assert.Equal(local.ToUniversalTime().Ticks, back[0].When.Ticks);
        Assert.Equal(utc.Ticks, back[1].When.Ticks);
        Assert.All(back, r => Assert.Equal(DateTimeKind.Unspecified, r.When.Kind));
    }

    [Fact]
    public async Task Write_DateTimeOutsideNanosecondRange_NamesColumnAndRow()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            FormatIO.WriteAsync<IReadOnlyList<Stamped>>("s.npz", [new(new DateTime(2000, 1, 1)), new(DateTime.MinValue)]));

        Assert.Equal("s.npz: column 'When', row 2 (index 1): 0001-01-01T00:00:00.0000000 is outside datetime64[ns] (1677-09-21 to 2262-04-11).", e.Message);
    }

    [Fact]
    public async Task Write_NullableLongBeyondFloat64_NamesColumnAndRow()
    {
        var ok = await FormatIO.RoundTripAsync<IReadOnlyList<BigCounted>>("b.npz", [new(1L << 53), new(-(1L << 53)), new(null)]);
        Assert.Equal([new(1L << 53), new(-(1L << 53)), new(null)], ok);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            FormatIO.WriteAsync<IReadOnlyList<BigCounted>>("b.npz", [new(1), new(null), new((1L << 53) + 1)]));

        Assert.StartsWith("b.npz: column 'Count', row 3 (index 2): 9007199254740993 is beyond ±2^53", e.Message);
    }

    [Theory]
    [InlineData("<M8[s]", 1_709_214_312L, "2024-02-29T13:45:12.0000000")]
    [InlineData("<M8[ms]", 1_709_214_312_345L, "2024-02-29T13:45:12.3450000")]
    [InlineData("<M8[us]", -1L, "1969-12-31T23:59:59.9999990")]
    [InlineData("<M8[ns]", 1_709_214_312_345_678_900L, "2024-02-29T13:45:12.3456789")]
    [InlineData("<M8[D]", 19_782L, "2024-02-29T00:00:00.0000000")]
    [InlineData("<M8[h]", 1L, "1970-01-01T01:00:00.0000000")]
    public async Task Read_DateTimeInAnyUnit_IsExact(string descr, long value, string expected)
    {
        var rows = await FormatIO.ReadAsync<IReadOnlyList<Stamped>>("n.npz", NpzBytes.Npz(("When", descr, new[] { value })));

        Assert.Equal(expected, rows.Single().When.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Read_NaT_IsNullOrNamedError()
    {
        var bytes = NpzBytes.Npz(("When", "<M8[ms]", new[] { 0L, long.MinValue }));

        var maybe = await FormatIO.ReadAsync<IReadOnlyList<MaybeStamped>>("n.npz", bytes);
        Assert.Equal([new(DateTime.UnixEpoch), new(null)], maybe);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Stamped>>("n.npz", bytes));
        Assert.Equal("n.npz [When.npy]: column 'When', row 2 (index 1): NaT (a missing time) but Stamped.When is DateTime, which cannot be null (make it DateTime?).", e.Message);
    }

    [Fact]
    public async Task Read_NanosecondsFinerThanATick_IsError()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            FormatIO.ReadAsync<IReadOnlyList<Stamped>>("n.npz", NpzBytes.Npz(("When", "<M8[ns]", new[] { 100L, 1_709_214_312_345_678_901L }))));

        Assert.StartsWith("n.npz [When.npy]: column 'When', row 2 (index 1): 1709214312345678901 (<M8[ns]) is finer than the 100 ns tick of DateTime", e.Message);
    }

    [Fact]
    public async Task Read_ValueOutsideDateTime_IsError()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            FormatIO.ReadAsync<IReadOnlyList<Stamped>>("n.npz", NpzBytes.Npz(("When", "<M8[s]", new[] { 300_000_000_000L }))));

        Assert.Equal("n.npz [When.npy]: column 'When', row 1 (index 0): 300000000000 (<M8[s]) is outside DateTime's range (years 1 to 9999).", e.Message);
    }

    [Fact]
    public async Task Read_DateOnly_FromDaysOrMidnights_AndRefusesATimeOfDay()
    {
        var days = await FormatIO.ReadAsync<IReadOnlyList<Dated>>("d.npz", NpzBytes.Npz(("Day", "<M8[D]", new[] { 19_782L, -719_162L })));
        Assert.Equal([new(new DateOnly(2024, 2, 29)), new(new DateOnly(1, 1, 1))], days);
        var midnight = await FormatIO.ReadAsync<IReadOnlyList<Dated>>("d.npz", NpzBytes.Npz(("Day", "<M8[ns]", new[] { 86_400_000_000_000L })));
        Assert.Equal(new DateOnly(1970, 1, 2), midnight.Single().Day);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            FormatIO.ReadAsync<IReadOnlyList<Dated>>("d.npz", NpzBytes.Npz(("Day", "<M8[h]", new[] { 24L, 25L }))));

        Assert.StartsWith("d.npz [Day.npy]: column 'Day', row 2 (index 1): 25 (<M8[h]) has a time of day", e.Message);
    }

    [Fact]
    public async Task Read_TimeSpanInAnyUnit_IsExact()
    {
        var back = await FormatIO.ReadAsync<IReadOnlyList<Lasting>>("t.npz", NpzBytes.Npz(("Took", "<m8[ms]", new[] { 1_500L, -2L })));

        Assert.Equal([new(TimeSpan.FromMilliseconds(1500)), new(TimeSpan.FromMilliseconds(-2))], back);
    }

    [Fact]
    public async Task Write_TimeSpanBeyondTimedelta64_NamesColumnAndRow()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.WriteAsync<IReadOnlyList<Lasting>>("t.npz", [new(TimeSpan.MaxValue)]));

        Assert.Equal("t.npz: column 'Took', row 1 (index 0): 10675199.02:48:05.4775807 is outside timedelta64[ns] (±292 years).", e.Message);
    }

    [Fact]
    public async Task Read_TimeOnlyBeyondADay_IsError()
    {
        var ok = await FormatIO.ReadAsync<IReadOnlyList<Clocked>>("c.npz", NpzBytes.Npz(("Clock", "<m8[m]", new[] { 1439L })));
        Assert.Equal(new TimeOnly(23, 59), ok.Single().Clock);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Clocked>>("c.npz", NpzBytes.Npz(("Clock", "<m8[h]", new[] { 24L }))));

        Assert.Equal("c.npz [Clock.npy]: column 'Clock', row 1 (index 0): 24 (<m8[h]) is not a time of day (TimeOnly holds 0 to 24 hours).", e.Message);
    }

    [Theory]
    [InlineData("<f8")]
    [InlineData("<m8[ns]")]
    [InlineData("<M8[M]")]
    [InlineData("|O")]
    public async Task Read_DtypeThatDoesNotFit_NamesFileColumnDtypeAndType(string descr)
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Stamped>>("x.npz", NpzBytes.Npz(("When", descr, new[] { 1L }))));

        Assert.StartsWith($"x.npz [When.npy]: column 'When' holds {descr} but Stamped.When is DateTime, which reads datetime64 in W, D, h, m, s, ms, us or ns units.", e.Message);
    }

    [Fact]
    public async Task Read_StringsIntoDouble_NamesDtypeAndType()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Measured>>("x.npz", NpzBytes.Npz(("Value", "<U1", NpzBytes.Utf32("a")))));

        Assert.Equal("x.npz [Value.npy]: column 'Value' holds <U1 but Measured.Value is Double, which reads <f8.", e.Message);
    }

    [Fact]
    public async Task Read_NullableInt_FromFloatsOrIntegers_ChecksEachValue()
    {
        var fromFloats = await FormatIO.ReadAsync<IReadOnlyList<Counted>>("c.npz", NpzBytes.Npz(("Count", "<f8", new[] { 3.0, double.NaN, -2147483648.0 })));
        Assert.Equal([new(3), new(null), new(int.MinValue)], fromFloats);
        var fromInts = await FormatIO.ReadAsync<IReadOnlyList<Counted>>("c.npz", NpzBytes.Npz(("Count", "<i8", new[] { 7L })));
        Assert.Equal(7, fromInts.Single().Count);
        var fromBytes = await FormatIO.ReadAsync<IReadOnlyList<Counted>>("c.npz", NpzBytes.Npz(("Count", "|u1", new byte[] { 255 })));
        Assert.Equal(255, fromBytes.Single().Count);

        var fraction = await Assert.ThrowsAsync<InvalidDataException>(() =>
            FormatIO.ReadAsync<IReadOnlyList<Counted>>("c.npz", NpzBytes.Npz(("Count", "<f8", new[] { 1.0, 2.5 }))));
        Assert.Equal("c.npz [Count.npy]: column 'Count', row 2 (index 1): 2.5 is not a whole number, so it cannot be Int32?.", fraction.Message);
        var range = await Assert.ThrowsAsync<InvalidDataException>(() =>
            FormatIO.ReadAsync<IReadOnlyList<Counted>>("c.npz", NpzBytes.Npz(("Count", "<i8", new[] { 3_000_000_000L }))));
        Assert.Equal("c.npz [Count.npy]: column 'Count', row 1 (index 0): 3000000000 is outside the range of Int32?.", range.Message);
    }

    [Fact]
    public async Task Read_NullableBool_FromFloatsOrBools()
    {
        var floats = await FormatIO.ReadAsync<IReadOnlyList<Flagged>>("f.npz", NpzBytes.Npz(("Flag", "<f8", new[] { 1.0, 0.0, double.NaN })));
        Assert.Equal([new(true), new(false), new(null)], floats);
        var bools = await FormatIO.ReadAsync<IReadOnlyList<Flagged>>("f.npz", NpzBytes.Npz(("Flag", "|b1", new[] { true })));
        Assert.Equal(true, bools.Single().Flag);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Flagged>>("f.npz", NpzBytes.Npz(("Flag", "<f8", new[] { 0.5 }))));
        Assert.Equal("f.npz [Flag.npy]: column 'Flag', row 1 (index 0): 0.5 is not 1, 0 or NaN, so it cannot be Boolean?.", e.Message);
    }

    [Fact]
    public async Task Read_NaNIntoNullableDouble_IsNull()
    {
        var back = await FormatIO.RoundTripAsync<IReadOnlyList<Everything>>("e.npz", [Full with { Score = double.NaN }]);

        Assert.Null(back.Single().Score);
    }

    [Fact]
    public async Task Read_TextColumns_ParseAsCsvDoes()
    {
        var good = await FormatIO.ReadAsync<IReadOnlyList<Shaded>>("t.npz", NpzBytes.Npz(("Shade", "<U5", NpzBytes.Utf32("Green", "2")), ("Id", "<U36", NpzBytes.Utf32(SomeId.ToString(), ""))));
        Assert.Equal([new(Shade.Green, SomeId), new(Shade.Blue, null)], good);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            FormatIO.ReadAsync<IReadOnlyList<Shaded>>("t.npz", NpzBytes.Npz(("Shade", "<U6", NpzBytes.Utf32("Red", "Purple")), ("Id", "<U1", NpzBytes.Utf32("", "")))));
        Assert.Equal("t.npz [Shade.npy]: column 'Shade', row 2 (index 1): 'Purple' is not a valid Shade.", e.Message);
        var empty = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Priced>>("p.npz", NpzBytes.Npz(("Price", "<U1", NpzBytes.Utf32("")))));
        Assert.Equal("p.npz [Price.npy]: column 'Price', row 1 (index 0): an empty string, but Decimal is not nullable.", empty.Message);
    }

    [Fact]
    public async Task RoundTrip_Decimal_KeepsValueAndScale()
    {
        IReadOnlyList<Priced> rows = [new(1.10m), new(decimal.MinValue), new(0.0000000000000000000000000001m), new(-0.0m)];

        var back = await FormatIO.RoundTripAsync("p.npz", rows);

        Assert.Equal(rows.Select(r => r.Price.ToString(System.Globalization.CultureInfo.InvariantCulture)), back.Select(r => r.Price.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Supports_RecordsOfEveryCsvColumnType()
    {
        Assert.True(new NpzFormat().Supports(typeof(IReadOnlyList<Everything>)));
        Assert.True(new NpzFormat().Supports(typeof(List<MutableRow>)));
    }
}
