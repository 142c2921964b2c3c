using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace GoKart.Formats.Numpy;

/// <summary>
/// The zip CRC-32 (reflected 0xEDB88320), slicing-by-8. Every .npz entry's CRC is checked on reading
/// (NpzArchive.ReadEntryAsync), to turn flipped bytes into an error instead of silently wrong arrays. The runtime's own zlib
/// (vectorised crc32, exported by System.IO.Compression.Native) is used when present; the table code otherwise.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();
    private static readonly Lazy<bool> NativeAvailable = new(ProbeNative);

    public static uint Append(uint crc, ReadOnlySpan<byte> data) =>
        data.IsEmpty ? crc : NativeAvailable.Value ? Native(crc, data) : Managed(crc, data);

    internal static uint Managed(uint crc, ReadOnlySpan<byte> data)
    {
        crc = ~crc;
        var t = Table;
        while (data.Length >= 8)
        {
            var one = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var two = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[(7 * 256) + (one & 0xFF)] ^ t[(6 * 256) + ((one >> 8) & 0xFF)] ^ t[(5 * 256) + ((one >> 16) & 0xFF)] ^ t[(4 * 256) + (one >> 24)]
                ^ t[(3 * 256) + (two & 0xFF)] ^ t[(2 * 256) + ((two >> 8) & 0xFF)] ^ t[256 + ((two >> 16) & 0xFF)] ^ t[two >> 24];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static bool ProbeNative()
    {
        try
        {
            return Native(0, "123456789"u8) == 0xCBF43926;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static unsafe uint Native(uint crc, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            return NativeCrc32(crc, (nint)start, data.Length);
        }
    }

    // A pointer, not a by-ref: crossgen2 then precompiles the call (NativeFile says why that matters).
#pragma warning disable SYSLIB1054
    [DllImport("libSystem.IO.Compression.Native", EntryPoint = "CompressionNative_Crc32", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint NativeCrc32(uint crc, nint buffer, int length);
#pragma warning restore SYSLIB1054

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        for (var i = 256; i < table.Length; i++)
        {
            table[i] = (table[i - 256] >> 8) ^ table[table[i - 256] & 0xFF];
        }

        return table;
    }
}
