using System.Buffers.Binary;
using System.Text;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

/// <summary>The .npy header dicts other writers produce (numpy versions, Python 2, hand-made files), read byte by byte.</summary>
public sealed class NpyHeaderParseTests
{
    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", 2, 3)]
    [InlineData("{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2,3)}", 2, 3)]
    [InlineData("{'descr':'<f8','fortran_order':False,'shape':(2L, 3L),}", 2, 3)]
    [InlineData("{'shape': ( 2 , 3 , ), 'fortran_order' : False, 'descr' : '<f8'}", 2, 3)]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (6,), }", 6, 0)]
    public async Task Read_HeaderVariants_GiveTheShape(string dict, int rows, int columns)
    {
        var array = await FormatIO.ReadAsync<NDArray<double>>("a.npy", Npy(dict, 1, 6));
        Assert.Equal(columns == 0 ? new[] { rows } : new[] { rows, columns }, array.Shape);
        Assert.Equal([0.0, 1, 2, 3, 4, 5], array.Data);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Read_LaterVersions_HaveFourByteLengths(int major)
    {
        var values = await FormatIO.ReadAsync<double[]>("a.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (6,), }", major, 6));
        Assert.Equal([0.0, 1, 2, 3, 4, 5], values);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False}", "not numpy's dict")]
    [InlineData("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (6,), }", "not numpy's dict")]
    [InlineData("{'descr': <f8, 'fortran_order': False, 'shape': (6,), }", "not numpy's dict")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': 6, }", "not numpy's dict")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (-6,), }", "shape (-6,) is not a tuple of sizes")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", "is not a tuple of sizes")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (L,), }", "is not a tuple of sizes")]
    public async Task Read_DamagedHeader_NamesTheFileAndWhatIsWrong(string dict, string expected)
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<double[]>("bad.npy", Npy(dict, 1, 6)));
        Assert.Contains("bad.npy", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_Version3NonAsciiText_IsDecodedAsUtf8InTheError()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<double[]>("bad.npy", Npy("{'descr': 'é', 'fortran_order': False, 'shape': (6,), }", 3, 6)));
        Assert.Contains("'é'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryPeek_AWholeHeader_GivesItAndItsSize(int major)
    {
        const string Dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (3, 4), }";
        var bytes = Npy(Dict, major, 6);

        var header = GoKart.Formats.Numpy.NpyHeader.TryPeek(bytes, out var size);

        Assert.NotNull(header);
        Assert.Equal("<i4", header.Descr);
        Assert.Equal([3L, 4L], header.Shape);
        Assert.Equal(bytes.Length - (6 * 8), size);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False}")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (-6,), }")]
    public void TryPeek_ADamagedDict_GivesNullInsteadOfThrowing(string dict)
    {
        Assert.Null(GoKart.Formats.Numpy.NpyHeader.TryPeek(Npy(dict, 1, 0), out var size));
        Assert.Equal(0, size);
    }

    [Fact]
    public void TryPeek_CutShortOrNotNumpy_GivesNull()
    {
        var bytes = Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (6,), }", 1, 6);

        Assert.Null(GoKart.Formats.Numpy.NpyHeader.TryPeek(bytes.AsSpan(0, 40), out _));
        Assert.Null(GoKart.Formats.Numpy.NpyHeader.TryPeek(bytes.AsSpan(0, 9), out _));
        bytes[1] = (byte)'X';
        Assert.Null(GoKart.Formats.Numpy.NpyHeader.TryPeek(bytes, out _));
    }

    /// <summary>An .npy of 0, 1, ... as little-endian doubles under the header <paramref name="dict"/>, as numpy lays it out.</summary>
    private static byte[] Npy(string dict, int major, int count)
    {
        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(dict + "\n");
        var prefix = major == 1 ? 10 : 12;
        var bytes = new byte[prefix + text.Length + (count * 8)];
        new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0 }.CopyTo(bytes, 0);
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)text.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)text.Length);
        }

        text.CopyTo(bytes, prefix);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(prefix + text.Length + (i * 8)), i);
        }

        return bytes;
    }
}
