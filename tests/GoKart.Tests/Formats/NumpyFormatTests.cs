using System.Numerics;
using System.Text;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

public sealed class NumpyFormatTests
{
    [Fact]
    public async Task Write_DoubleVector_MatchesNumpyHeaderBytes()
    {
        var bytes = await FormatIO.WriteAsync("a.npy", new[] { 1.0, 2.0, 3.0 });
        Assert.Equal(128 + 24, bytes.Length);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0 }, bytes[..10]);
        var header = Encoding.ASCII.GetString(bytes, 10, 118);
        Assert.Equal("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", header.TrimEnd(' ', '\n'));
        Assert.Equal(2.0, BitConverter.ToDouble(bytes, 136));
    }

    [Fact]
    public async Task RoundTrip_EveryElementType_IsEqual()
    {
        await Check(new[] { true, false, true });
        await Check(new sbyte[] { -128, 0, 127 });
        await Check(new byte[] { 0, 255 });
        await Check(new short[] { short.MinValue, short.MaxValue });
        await Check(new ushort[] { 0, ushort.MaxValue });
        await Check(new[] { int.MinValue, 0, int.MaxValue });
        await Check(new[] { uint.MaxValue });
        await Check(new[] { long.MinValue, long.MaxValue });
        await Check(new[] { ulong.MaxValue });
        await Check(new[] { (Half)1.5, Half.NaN });
        await Check(new[] { 1.25f, float.NegativeInfinity });
        await Check(new[] { double.Epsilon, double.MaxValue });
        await Check(new[] { new Complex(1, -2) });

        static async Task Check<T>(T[] values) => Assert.Equal(values, await FormatIO.RoundTripAsync("v.npy", values));
    }

    [Fact]
    public async Task RoundTrip_MultiDimensionalAndNDArray_KeepShapeAndOrder()
    {
        var matrix = new int[2, 3] { { 1, 2, 3 }, { 4, 5, 6 } };
        Assert.Equal(matrix, await FormatIO.RoundTripAsync("m.npy", matrix));
        var cube = new float[2, 2, 2] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } };
        Assert.Equal(cube, await FormatIO.RoundTripAsync("c.npy", cube));
        var nd = new NDArray<long>([2, 1, 2, 2], [.. Enumerable.Range(0, 8).Select(i => (long)i)]);
        var back = await FormatIO.RoundTripAsync("n.npy", nd);
        Assert.Equal(nd.Shape, back.Shape);
        Assert.Equal(nd.Data, back.Data);
        Assert.Equal(7L, back[1, 0, 1, 1]);
    }

    [Fact]
    public async Task Read_WrongElementTypeOrRank_NamesBoth()
    {
        var bytes = await FormatIO.WriteAsync("a.npy", new[] { 1.0f });
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<double[]>("a.npy", bytes));
        Assert.Contains("<f4", e.Message);
        Assert.Contains("Double[]", e.Message);
        var m = await FormatIO.WriteAsync("m.npy", new double[2, 2]);
        var r = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<double[]>("m.npy", m));
        Assert.Contains("shape (2, 2)", r.Message);
    }

    [Fact]
    public async Task Read_TruncatedOrCorrupt_IsError()
    {
        var bytes = await FormatIO.WriteAsync("a.npy", Enumerable.Range(0, 1000).Select(i => (double)i).ToArray());
        var cut = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<double[]>("a.npy", bytes[..(bytes.Length / 2)]));
        Assert.Contains("truncated", cut.Message);
        var flipped = (byte[])bytes.Clone();
        flipped[0] ^= 0xFF;
        var magic = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<double[]>("a.npy", flipped));
        Assert.Contains("a.npy: not a .npy file", magic.Message);
    }

    [Fact]
    public void Supports_StringOrRecordList_IsFalse()
    {
        var npy = new NpyFormat();
        Assert.False(npy.Supports(typeof(string)));
        Assert.False(npy.Supports(typeof(List<double>)));
        Assert.False(npy.Supports(typeof(string[])));
        Assert.True(npy.Supports(typeof(double[,,])));
        Assert.False(new NpzFormat().Supports(typeof(List<double>)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RoundTrip_NpzTable_OneArrayPerColumn(bool compressed)
    {
        var target = new Target("t.npz") { FormatOptions = new TableFormatOptions { Compressed = compressed } };
        var rows = new List<Numeric> { new(1.5, 2.5f, 3, 4, true, "a"), new(double.NaN, -1, long.MinValue, 0, false, "日本") };
        var back = await FormatIO.RoundTripAsync<IReadOnlyList<Numeric>>("t.npz", rows, target);
        Assert.Equal(rows, back);
    }

    [Fact]
    public async Task RoundTrip_NpzDictionary_KeepsNamesAndArrays()
    {
        var arrays = new Dictionary<string, Array> { ["x"] = new[] { 1, 2 }, ["w"] = new double[2, 2] { { 1, 2 }, { 3, 4 } } };
        var back = await FormatIO.RoundTripAsync<IReadOnlyDictionary<string, Array>>("d.npz", arrays);
        Assert.Equal(new[] { 1, 2 }, back["x"]);
        Assert.Equal(new double[2, 2] { { 1, 2 }, { 3, 4 } }, back["w"]);
    }

    [Fact]
    public async Task Read_NpzTruncatedOrFlipped_IsErrorNamingFile()
    {
        var rows = Enumerable.Range(0, 2000).Select(i => new Numeric(i, i, i, i, true, "s" + i)).ToList();
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Numeric>>("t.npz", rows);
        var cut = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Numeric>>("t.npz", bytes[..(bytes.Length / 2)]));
        Assert.StartsWith("t.npz", cut.Message);
        var flipped = (byte[])bytes.Clone();
        for (var i = 200; i < 260; i++)
        {
            flipped[i] ^= 0x5A;
        }

        var bad = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Numeric>>("t.npz", flipped));
        Assert.StartsWith("t.npz", bad.Message);
    }

    [Fact]
    public async Task Read_NpzMissingColumn_NamesIt()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Wide>>("w.npz", [new Wide(1, 2, 3)]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyList<Numeric>>("w.npz", bytes));
        Assert.Contains("'A' (Double)", e.Message);
    }
}
