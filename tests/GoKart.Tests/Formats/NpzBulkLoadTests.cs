using System.Numerics;
using System.Text;

namespace GoKart.Tests.Formats;

/// <summary>A record with setters: what a load hands out must behave like a list of objects (same object, mutations kept).</summary>
public sealed class MutablePoint
{
    public double X { get; set; }

    public string? Label { get; set; }
}

/// <summary>The bulk load paths: records made from the columns on first read, arrays read straight into place, the .npy header parser.</summary>
public sealed class NpzBulkLoadTests
{
    [Fact]
    public async Task ReadOnlyList_OfClassRecords_GivesTheSameObjectOnEveryRead_AndKeepsMutations()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new MutablePoint { X = i * 0.5, Label = "p" + i }).ToList();

        var back = await FormatIO.RoundTripAsync<IReadOnlyList<MutablePoint>>("m.npz", rows);

        Assert.Equal(50, back.Count);
        Assert.Same(back[7], back[7]);
        back[7].X = 99;
        Assert.Equal(99, back[7].X);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i == 7 ? 99 : i * 0.5), back.Select(p => p.X));
        Assert.Equal("p49", back[^1].Label);
        Assert.Throws<ArgumentOutOfRangeException>(() => back[50]);
        Assert.Throws<ArgumentOutOfRangeException>(() => back[-1]);
    }

    [Fact]
    public async Task ListAndArray_AreMaterialised_WithTheSameValues()
    {
        var rows = Enumerable.Range(0, 20).Select(i => new Measured(i * 1.25)).ToList();
        var bytes = await FormatIO.WriteAsync<IReadOnlyList<Measured>>("v.npz", rows);

        var list = await FormatIO.ReadAsync<List<Measured>>("v.npz", bytes);
        var array = await FormatIO.ReadAsync<Measured[]>("v.npz", bytes);

        Assert.Equal(rows, list);
        Assert.Equal(rows, array);
    }

    [Fact]
    public async Task ReadOnlyList_ReadFromManyThreads_HasOneObjectPerRow()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => new MutablePoint { X = i, Label = null }).ToList();
        var back = await FormatIO.RoundTripAsync<IReadOnlyList<MutablePoint>>("m.npz", rows);

        var seen = new MutablePoint[4][];
        Parallel.For(0, 4, t => seen[t] = [.. back]);

        for (var i = 0; i < rows.Count; i++)
        {
            Assert.All(seen, s => Assert.Same(seen[0][i], s[i]));
            Assert.Equal(i, seen[0][i].X);
        }

        // Every record now exists (the columns are released): reads still give the same objects.
        Assert.Same(seen[0][4999], back[4999]);
    }

    [Fact]
    public async Task LargeArrays_OfEveryElementType_RoundTripThroughAFile()
    {
        // Over 4 MiB each: the pinned, not-zeroed, huge-page-advised allocation and the in-place read.
        const int Count = (5 << 20) / 2;
        var folder = Path.Combine(Path.GetTempPath(), "gokart-bulk-" + Guid.NewGuid().ToString("N"));
        try
        {
            await Check(folder, Enumerable.Range(0, Count).Select(i => i % 3 == 0).ToArray());
            await Check(folder, Enumerable.Range(0, Count * 2).Select(i => (byte)(i * 7)).ToArray());
            await Check(folder, Enumerable.Range(0, Count * 2).Select(i => (sbyte)(i * 5)).ToArray());
            await Check(folder, Enumerable.Range(0, Count).Select(i => (short)(i - 40_000)).ToArray());
            await Check(folder, Enumerable.Range(0, Count).Select(i => (ushort)(i * 3)).ToArray());
            await Check(folder, Enumerable.Range(0, Count).Select(i => i * -7).ToArray());
            await Check(folder, Enumerable.Range(0, Count).Select(i => (uint)i * 11).ToArray());
            await Check(folder, Enumerable.Range(0, Count).Select(i => (long)i << 20).ToArray());
            await Check(folder, Enumerable.Range(0, Count).Select(i => ulong.MaxValue - (ulong)i).ToArray());
            await Check(folder, Enumerable.Range(0, Count).Select(i => (Half)(i % 1000)).ToArray());
            await Check(folder, Enumerable.Range(0, Count).Select(i => i / 3f).ToArray());
            await Check(folder, Enumerable.Range(0, Count).Select(i => i / 7.0).ToArray());
            await Check(folder, Enumerable.Range(0, Count / 4).Select(i => new Complex(i, -i)).ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static async Task Check<T>(string folder, T[] values)
        {
            var path = Path.Combine(folder, typeof(T).Name + ".npy");
            await FormatIO.WriteFileAsync(path, values);
            Assert.Equal(values, await FormatIO.ReadFileAsync<T[]>(path));
        }
    }

    [Fact]
    public async Task LargeArray_CutShort_IsErrorNamingTheBytes()
    {
        var bytes = await FormatIO.WriteAsync("a.npy", new double[1 << 20]);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<double[]>("a.npy", bytes[..^8]));

        Assert.Equal($"a.npy: the array data is cut short: {(8 << 20) - 8} of {8 << 20} bytes (truncated file?).", e.Message);
    }

    [Fact]
    public async Task LargeBoolArray_WithNonCanonicalBytes_ReadsThemAsTrue()
    {
        var bytes = await FormatIO.WriteAsync("b.npy", new bool[5 << 20]);
        var header = bytes.Length - (5 << 20);
        bytes[header + 3] = 2;
        bytes[^1] = 0xFF;
        var path = Path.Combine(Path.GetTempPath(), "gokart-bool-" + Guid.NewGuid().ToString("N") + ".npy");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var back = await FormatIO.ReadFileAsync<bool[]>(path);

            Assert.Equal(2, back.Count(b => b));
            Assert.True(back[3]);
            Assert.True(back[^1]);
            // Stored as the canonical 1, so that comparisons of the raw bytes (and bool == true) hold.
            Assert.Equal(1, System.Runtime.CompilerServices.Unsafe.As<bool, byte>(ref back[3]));
            Assert.Equal(1, System.Runtime.CompilerServices.Unsafe.As<bool, byte>(ref back[^1]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{\"descr\": \"<i4\", \"fortran_order\": False, \"shape\": (2,), }")]
    [InlineData("{'descr':'<i4','fortran_order':False,'shape':(2,)}")]
    [InlineData("{'shape' : (2L,) , 'fortran_order' : False , 'descr' : '<i4'}")]
    public async Task Header_InEitherQuoteStyleAndKeyOrder_IsRead(string dict)
    {
        var back = await FormatIO.ReadAsync<int[]>("h.npy", Npy(dict, [7, 0, 0, 0, 9, 0, 0, 0]));

        Assert.Equal(new[] { 7, 9 }, back);
    }

    [Theory]
    [InlineData("{'descr': '<i4', 'fortran_order': False}")]
    [InlineData("{'descr': '<i4', 'fortran_order': Maybe, 'shape': (2,)}")]
    [InlineData("{'descr' '<i4', 'fortran_order': False, 'shape': (2,)}")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (2, x)}")]
    public async Task Header_Malformed_IsErrorNamingTheFile(string dict)
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<int[]>("h.npy", Npy(dict, [7, 0, 0, 0, 9, 0, 0, 0])));

        Assert.StartsWith("h.npy: the .npy ", e.Message);
    }

    private static byte[] Npy(string dict, byte[] body)
    {
        var text = Encoding.ASCII.GetBytes(dict + "\n");
        return [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)text.Length, 0, .. text, .. body];
    }
}
