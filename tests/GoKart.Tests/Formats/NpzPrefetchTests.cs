using GoKart.Formats;
using GoKart.Formats.Numpy;

namespace GoKart.Tests.Formats;

/// <summary>
/// The look ahead over a stored .npz's large arrays (NpzPrefetch): arrays made when the archive is opened, filled on a
/// second thread, handed to the read only when its own header asks for the same element type and count.
/// </summary>
public sealed class NpzPrefetchTests
{
    // Over BulkArrays' 4 MiB threshold, so each of these arrays is one the look ahead prepares.
    private const int Large = 600_000;

    [Fact]
    public async Task ColumnsOfAStoredArchive_ReadBackExactly_WhetherPreparedOrNot()
    {
        var columns = new Dictionary<string, double[]>
        {
            ["A"] = Values(Large, 1),
            ["small"] = Values(10, 2),
            ["B"] = Values(Large, 3),
            ["C"] = Values(Large + 1, 4),
        };
        var bytes = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>("w.npz", columns);

        // Several reads, so that the helper and the reader meet at different points.
        for (var i = 0; i < 4; i++)
        {
            var back = await FormatIO.ReadAsync<IReadOnlyDictionary<string, double[]>>("w.npz", bytes);
            Assert.Equal(columns.Keys.Order(), back.Keys.Order());
            foreach (var (name, values) in columns)
            {
                Assert.Equal(values, back[name]);
            }
        }
    }

    [Fact]
    public async Task Open_PreparesTheLargeStoredArrays_Only()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyDictionary<string, Array>>("w.npz", new Dictionary<string, Array>
        {
            ["A"] = Values(Large, 1),
            ["small"] = new int[10],
            ["B"] = new long[Large],
        });

        using var archive = await Open(bytes);

        Assert.NotNull(archive.Prefetch);
        var byName = NpzArchive.Entries(archive, "w.npz");
        Assert.NotNull(archive.Prefetch.SlotOf(byName["A"]));
        Assert.NotNull(archive.Prefetch.SlotOf(byName["B"]));
        Assert.Null(archive.Prefetch.SlotOf(byName["small"]));
    }

    [Fact]
    public async Task Take_GivesTheFilledArrayOnce_AndOnlyForTheElementTypeAndCountOfTheHeader()
    {
        var bytes = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>("w.npz", new Dictionary<string, double[]> { ["A"] = Values(Large, 1), ["B"] = Values(Large, 2) });
        using var archive = await Open(bytes);
        var slot = archive.Prefetch!.SlotOf(NpzArchive.Entries(archive, "w.npz")["B"])!;

        Assert.Null(slot.Take(typeof(float), Large));
        Assert.Null(slot.Take(typeof(double), Large + 1));
        var taken = slot.Take(typeof(double), Large);
        Assert.IsType<double[]>(taken);
        Assert.Equal(Large, taken.Length);
        Assert.Null(slot.Take(typeof(double), Large));
    }

    [Fact]
    public async Task Take_InAnyOrder_ReturnsWithoutWaitingForTheHelper()
    {
        var names = new[] { "A", "B", "C", "D" };
        var bytes = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>("w.npz", names.ToDictionary(n => n, n => Values(Large, n[0])));
        using var archive = await Open(bytes);
        var byName = NpzArchive.Entries(archive, "w.npz");

        // Last first: the reader fills a slot itself when the helper has not claimed it. A deadlock fails the timeout.
        var taken = await Task.Run(() => names.Reverse().Select(n => archive.Prefetch!.SlotOf(byName[n])!.Take(typeof(double), Large)).ToList())
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(taken, Assert.NotNull);
    }

    [Fact]
    public async Task Open_WithOneLargeArray_OrDeflatedEntries_PreparesNothing()
    {
        var one = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>("w.npz", new Dictionary<string, double[]> { ["A"] = Values(Large, 1), ["b"] = Values(100, 2) });
        var deflated = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>(
            "w.npz",
            new Dictionary<string, double[]> { ["A"] = Values(Large, 1), ["B"] = Values(Large, 2) },
            new Target("w.npz") { FormatOptions = new TableFormatOptions { Compressed = true } });

        using (var archive = await Open(one))
        {
            Assert.Null(archive.Prefetch);
        }

        using (var archive = await Open(deflated))
        {
            Assert.Null(archive.Prefetch);
        }
    }

    [Fact]
    public async Task AFlippedByteInAPreparedArray_IsStillACrcErrorNamingTheEntry()
    {
        var columns = new Dictionary<string, double[]> { ["A"] = Values(Large, 1), ["B"] = Values(Large, 2), ["C"] = Values(Large, 3) };
        var bytes = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>("w.npz", columns);
        bytes[IndexOf(bytes, "B.npy"u8) + 5000] ^= 0x40;

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyDictionary<string, double[]>>("w.npz", bytes));

        Assert.Contains("[B.npy]", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRC-32 mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADamagedHeader_IsLeftToTheRead_WhichNamesIt()
    {
        var columns = new Dictionary<string, double[]> { ["A"] = Values(Large, 1), ["B"] = Values(Large, 2), ["C"] = Values(Large, 3) };
        var bytes = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>("w.npz", columns);
        var magic = IndexOf(bytes, "B.npy"u8) + 5;
        bytes[magic + 1] = (byte)'X';
        using (var archive = await Open(bytes))
        {
            Assert.Null(archive.Prefetch!.SlotOf(NpzArchive.Entries(archive, "w.npz")["B"]));
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadAsync<IReadOnlyDictionary<string, double[]>>("w.npz", bytes));

        Assert.Contains("[B.npy]", error.Message, StringComparison.Ordinal);
    }

    private static async Task<NpzReadArchive> Open(byte[] bytes) =>
        await NpzArchive.OpenAsync(new MemoryStream(bytes, writable: false), "w.npz", CancellationToken.None);

    private static double[] Values(int count, int seed)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (i * 0.5) + seed;
        }

        return values;
    }

    // The first local header naming the entry; its data start a few bytes after the name.
    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> name) => bytes.AsSpan().IndexOf(name);
}
