using System.Buffers.Binary;
using System.Numerics;

namespace GoKart.Hashing;

/// <summary>
/// MD5 (RFC 1321) in managed code. Unique ids hash short texts by the hundred thousand; the platform MD5
/// crosses into OpenSSL per call and loads it at startup, which cost more than the hashing itself.
/// Not for security: gokart's ids are names.
/// </summary>
internal static class Md5
{
    private static readonly uint[] K = BuildTable();

    private static readonly int[] Shifts =
    [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];

    /// <summary>Writes the 16-byte digest of <paramref name="data"/> to <paramref name="digest"/>.</summary>
    public static void HashData(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        uint a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476;
        Span<uint> words = stackalloc uint[16];
        var fullBlocks = data.Length / 64;
        for (var block = 0; block < fullBlocks; block++)
        {
            Compress(data.Slice(block * 64, 64), words, ref a0, ref b0, ref c0, ref d0);
        }

        // Padding: 0x80, zeros, then the bit length little-endian, in one or two final blocks.
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        var rest = data[(fullBlocks * 64)..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 9 <= 64 ? 64 : 128;
        BinaryPrimitives.WriteUInt64LittleEndian(tail.Slice(tailLength - 8), (ulong)data.Length * 8);
        for (var offset = 0; offset < tailLength; offset += 64)
        {
            Compress(tail.Slice(offset, 64), words, ref a0, ref b0, ref c0, ref d0);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(digest, a0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[4..], b0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[8..], c0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[12..], d0);
    }

    private static void Compress(ReadOnlySpan<byte> block, Span<uint> m, ref uint a0, ref uint b0, ref uint c0, ref uint d0)
    {
        for (var i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(i * 4, 4));
        }

        var k = K;
        var shifts = Shifts;
        uint a = a0, b = b0, c = c0, d = d0;
        for (var i = 0; i < 16; i++)
        {
            Step(ref a, ref b, ref c, ref d, (b & c) | (~b & d), k[i], m[i], shifts[i]);
        }

        for (var i = 16; i < 32; i++)
        {
            Step(ref a, ref b, ref c, ref d, (d & b) | (~d & c), k[i], m[((5 * i) + 1) & 15], shifts[i]);
        }

        for (var i = 32; i < 48; i++)
        {
            Step(ref a, ref b, ref c, ref d, b ^ c ^ d, k[i], m[((3 * i) + 5) & 15], shifts[i]);
        }

        for (var i = 48; i < 64; i++)
        {
            Step(ref a, ref b, ref c, ref d, c ^ (b | ~d), k[i], m[(7 * i) & 15], shifts[i]);
        }

        a0 += a;
        b0 += b;
        c0 += c;
        d0 += d;
    }

    private static void Step(ref uint a, ref uint b, ref uint c, ref uint d, uint f, uint k, uint word, int shift)
    {
        f = f + a + k + word;
        a = d;
        d = c;
        c = b;
        b += BitOperations.RotateLeft(f, shift);
    }

    private static uint[] BuildTable()
    {
        var table = new uint[64];
        for (var i = 0; i < 64; i++)
        {
            table[i] = (uint)(long)Math.Floor(Math.Abs(Math.Sin(i + 1)) * 4294967296.0);
        }

        return table;
    }
}
