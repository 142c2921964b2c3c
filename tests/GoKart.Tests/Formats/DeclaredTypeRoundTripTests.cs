using System.Numerics;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

/// <summary>
/// Every format that says it supports a type gives back a value of that exact type, equal to what was written: the
/// cast a task's <c>Load</c> does must never fail on a value the format itself produced.
/// </summary>
public sealed class DeclaredTypeRoundTripTests
{
    public static TheoryData<string> BytePaths => ["b.bin", "b.png", "b.jpg", "b.jpeg", "b.bin.gz"];

    [Theory]
    [MemberData(nameof(BytePaths))]
    public async Task RoundTrip_ByteArray_IsByteArray(string path)
    {
        byte[] value = [0, 1, 2, 254, 255];
        var back = await FormatIO.RoundTripAsync(path, value);
        Assert.Equal(value, back);
    }

    [Theory]
    [MemberData(nameof(BytePaths))]
    public async Task RoundTrip_ReadOnlyMemory_IsReadOnlyMemory(string path)
    {
        var back = await FormatIO.RoundTripAsync(path, new ReadOnlyMemory<byte>([9, 8, 7]));
        Assert.Equal(new byte[] { 9, 8, 7 }, back.ToArray());
    }

    [Theory]
    [MemberData(nameof(BytePaths))]
    public async Task RoundTrip_Memory_IsMemory(string path)
    {
        var back = await FormatIO.RoundTripAsync(path, new Memory<byte>([3, 4]));
        Assert.Equal(new byte[] { 3, 4 }, back.ToArray());
    }

    [Fact]
    public async Task RoundTrip_PickleValueTuples_AreTuples()
    {
        Assert.Equal((7L, "seven"), await FormatIO.RoundTripAsync("t.pkl", (7L, "seven")));
        Assert.Equal((1, 2.5, true), await FormatIO.RoundTripAsync("t.pkl", (1, 2.5, true)));
        Assert.Equal(ValueTuple.Create(42), await FormatIO.RoundTripAsync("t.pkl", ValueTuple.Create(42)));
        Assert.Equal((1, 2, 3, 4, 5, 6, 7, 8, "nine"), await FormatIO.RoundTripAsync("t.pkl", (1, 2, 3, 4, 5, 6, 7, 8, "nine")));
        Assert.Equal(Tuple.Create("a", 2L), await FormatIO.RoundTripAsync("t.pkl", Tuple.Create("a", 2L)));
        Assert.Equal(((int, string)?)(3, "x"), await FormatIO.RoundTripAsync<(int, string)?>("t.pkl", (3, "x")));
        Assert.Null(await FormatIO.RoundTripAsync<(int, string)?>("t.pkl", null));

        var list = await FormatIO.RoundTripAsync<List<(long, string)>>("t.pkl", [(1, "a"), (2, "b")]);
        Assert.Equal([(1L, "a"), (2L, "b")], list);
        var dict = await FormatIO.RoundTripAsync<Dictionary<string, (double, double)>>("t.pkl", new() { ["p"] = (0.5, -1) });
        Assert.Equal((0.5, -1.0), dict["p"]);
        var keyed = await FormatIO.RoundTripAsync<Dictionary<(int, int), string>>("t.pkl", new() { [(1, 2)] = "x" });
        Assert.Equal("x", keyed[(1, 2)]);
    }

    [Fact]
    public async Task Read_PickleTupleOfOtherLength_NamesBothLengths()
    {
        var bytes = await FormatIO.WriteAsync("t.pkl", (1L, 2L, 3L));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<(long, long)>("t.pkl", bytes));
        Assert.Equal("t.pkl: value is a Python tuple of 3 items, which cannot be read as a tuple of 2 (Int64, Int64).", e.Message);
    }

    [Fact]
    public async Task Read_PickleListAsTuple_IsAccepted()
    {
        // Python code often stores pairs as lists; a list of the right length reads as a tuple, as pandas would accept it.
        var bytes = await FormatIO.WriteAsync<object>("t.pkl", new List<object?> { 5L, "five" });
        Assert.Equal((5, "five"), await FormatIO.ReadAsync<(int, string)>("t.pkl", bytes));
    }

    [Fact]
    public async Task RoundTrip_PickleScalarsOfEverySupportedType_KeepTheirType()
    {
        Assert.Equal('é', await FormatIO.RoundTripAsync("c.pkl", 'é'));
        Assert.Equal((sbyte)-5, await FormatIO.RoundTripAsync("c.pkl", (sbyte)-5));
        Assert.Equal(ulong.MaxValue, await FormatIO.RoundTripAsync("c.pkl", ulong.MaxValue));
        Assert.Equal((Half)1.5, await FormatIO.RoundTripAsync("c.pkl", (Half)1.5));
        Assert.Equal(1.25f, await FormatIO.RoundTripAsync("c.pkl", 1.25f));
        Assert.Equal(BigInteger.Pow(3, 90), await FormatIO.RoundTripAsync("c.pkl", BigInteger.Pow(3, 90)));
        Assert.Equal((int?)4, await FormatIO.RoundTripAsync<int?>("c.pkl", 4));
        Assert.Equal(new byte[] { 1, 2 }, (await FormatIO.RoundTripAsync("c.pkl", new ReadOnlyMemory<byte>([1, 2]))).ToArray());
        Assert.Equal(['a', 'b'], await FormatIO.RoundTripAsync<List<char>>("c.pkl", ['a', 'b']));
    }

    [Fact]
    public async Task Read_PickleStringOfTwoCharsAsChar_IsError()
    {
        var bytes = await FormatIO.WriteAsync("c.pkl", "ab");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<char>("c.pkl", bytes));
        Assert.Contains("c.pkl: value", e.Message);
    }

    [Fact]
    public async Task RoundTrip_JsonValueTuple_KeepsItsItems()
    {
        // System.Text.Json ignores fields, so a tuple was written as {} and read back as (0, null).
        var bytes = await FormatIO.WriteAsync("t.json", (7L, "seven"));
        Assert.Equal("[7,\"seven\"]", System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal((7L, "seven"), await FormatIO.ReadAsync<(long, string)>("t.json", bytes));
        Assert.Equal([(1, 0.5)], await FormatIO.RoundTripAsync<List<(int, double)>>("t.json", [(1, 0.5)]));
    }

    [Fact]
    public void Supports_TextAsObject_IsFalse()
    {
        // Text written from an object reads back as lines, not the string written: not a round trip.
        Assert.False(new TextFormat().Supports(typeof(object)));
        Assert.True(new TextFormat().Supports(typeof(IReadOnlyList<string>)));
    }
}
