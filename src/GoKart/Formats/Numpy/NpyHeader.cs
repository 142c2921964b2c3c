using GoKart.Execution.Async;
using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace GoKart.Formats.Numpy;

/// <summary>The .npy header: magic, version, and the dict literal with descr, fortran_order and shape.</summary>
internal sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public long Count
    {
        get
        {
            // A loop, not Aggregate: a LINQ method over long is JIT-compiled in every fresh process that loads an array.
            var count = 1L;
            foreach (var d in Shape)
            {
                count *= d;
            }

            return count;
        }
    }

    /// <summary>The header bytes; version 1.0 unless the dict needs more than 65535 bytes, padded to 64 bytes as numpy does.</summary>
    public byte[] ToBytes()
    {
        var shape = Shape.Length == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";
        var dict = $"{{'descr': '{Descr}', 'fortran_order': {(FortranOrder ? "True" : "False")}, 'shape': {shape}, }}";
        foreach (var (major, lengthSize) in new[] { (1, 2), (2, 4) })
        {
            var prefix = Magic.Length + 2 + lengthSize;
            var total = prefix + dict.Length + 1;
            var padded = (total + 63) / 64 * 64;
            var headerLength = padded - prefix;
            if (major == 2 || headerLength <= ushort.MaxValue)
            {
                var bytes = new byte[padded];
                Magic.CopyTo(bytes, 0);
                bytes[6] = (byte)major;
                bytes[7] = 0;
                if (lengthSize == 2)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerLength);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)headerLength);
                }

                var body = bytes.AsSpan(prefix);
                body.Fill((byte)' ');
                Encoding.ASCII.GetBytes(dict, body);
                bytes[^1] = (byte)'\n';
                return bytes;
            }
        }

        throw new UnreachableException();
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public static async ValueTask<NpyHeader> ReadAsync(Stream stream, string location, CancellationToken cancellationToken)
    {
        var start = new byte[10];
        var got = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got < start.Length || !start.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{location}: not a .npy file (missing the \\x93NUMPY magic).");
        }

        var major = start[6];
        int length;
        var extra = Array.Empty<byte>();
        if (major == 1)
        {
            length = BinaryPrimitives.ReadUInt16LittleEndian(start.AsSpan(8));
        }
        else if (major is 2 or 3)
        {
            extra = new byte[2];
            await stream.ReadExactlyAsync(extra, cancellationToken).ConfigureAwait(false);
            length = (int)BinaryPrimitives.ReadUInt32LittleEndian([start[8], start[9], extra[0], extra[1]]);
            extra = [];
        }
        else
        {
            throw new InvalidDataException($"{location}: .npy format version {major}.{start[7]} is not supported (1.0, 2.0, 3.0 are).");
        }

        if (length is < 0 or > 1 << 24)
        {
            throw new InvalidDataException($"{location}: the .npy header length {length} is not plausible (corrupt file?).");
        }

        var header = new byte[length];
        if (await stream.ReadAtLeastAsync(header, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < length)
        {
            throw new InvalidDataException($"{location}: the .npy header is cut short (truncated file?).");
        }

        return Parse(header, major == 3, location);
    }

    /// <summary>
    /// The header at the start of <paramref name="bytes"/> and its size with the magic and lengths, or null when the
    /// bytes do not hold a whole valid one: a look ahead (<see cref="NpzPrefetch"/>), which the real read then repeats
    /// and checks, so it never throws.
    /// </summary>
    public static NpyHeader? TryPeek(ReadOnlySpan<byte> bytes, out int size)
    {
        size = 0;
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic))
        {
            return null;
        }

        // Plain locals, not a tuple: ValueTuple<int, long> is not precompiled, and this runs in every first load.
        int prefix;
        long length;
        if (bytes[6] == 1)
        {
            prefix = 10;
            length = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        }
        else if (bytes[6] is 2 or 3 && bytes.Length >= 12)
        {
            prefix = 12;
            length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        }
        else
        {
            return null;
        }

        if (prefix + length > bytes.Length)
        {
            return null;
        }

        try
        {
            var header = Parse(bytes.Slice(prefix, (int)length), bytes[6] == 3, string.Empty);
            size = prefix + (int)length;
            return header;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // A hand parser over the bytes rather than a regex or string searches: the regex engine was a tenth of a first
    // .npz load, and the first string IndexOf/Split/decode in a process another millisecond of type loading.
    private static NpyHeader Parse(ReadOnlySpan<byte> text, bool utf8, string location)
    {
        string? descr = null;
        bool? fortran = null;
        var shape = ReadOnlySpan<byte>.Empty;
        var hasShape = false;
        if (TryValue(text, "descr"u8, out var d) && d.Length > 1 && d[0] is (byte)'\'' or (byte)'"')
        {
            var end = d[1..].IndexOfAny((byte)'\'', (byte)'"');
            descr = end < 0 ? null : Text(d.Slice(1, end), utf8);
        }

        if (TryValue(text, "fortran_order"u8, out var f))
        {
            fortran = f.StartsWith("True"u8) ? true : f.StartsWith("False"u8) ? false : null;
        }

        if (TryValue(text, "shape"u8, out var s) && !s.IsEmpty && s[0] == (byte)'(' && s.IndexOf((byte)')') is var close and > 0)
        {
            shape = s[1..close];
            hasShape = true;
        }

        if (descr is null || fortran is null || !hasShape)
        {
            throw new InvalidDataException($"{location}: the .npy header is not numpy's dict (descr, fortran_order, shape): {Text(text, utf8).Trim()}");
        }

        return new NpyHeader(descr, fortran.Value, Dimensions(shape) ?? throw new InvalidDataException($"{location}: the .npy shape ({Text(shape, utf8)}) is not a tuple of sizes."));
    }

    /// <summary>The sizes of a shape tuple's inside (<c>1000000,</c> or <c>3, 4</c>; Python 2's <c>3L</c> too), or null.</summary>
    private static long[]? Dimensions(ReadOnlySpan<byte> shape)
    {
        var count = 0;
        for (var rest = shape; !rest.IsEmpty;)
        {
            var comma = rest.IndexOf((byte)',');
            count += Trim(comma < 0 ? rest : rest[..comma]).IsEmpty ? 0 : 1;
            rest = comma < 0 ? [] : rest[(comma + 1)..];
        }

        var dims = new long[count];
        var i = 0;
        for (var rest = shape; !rest.IsEmpty;)
        {
            var comma = rest.IndexOf((byte)',');
            var dim = Trim(comma < 0 ? rest : rest[..comma]);
            rest = comma < 0 ? [] : rest[(comma + 1)..];
            if (dim.IsEmpty)
            {
                continue;
            }

            while (dim[^1] == (byte)'L' && dim.Length > 1)
            {
                dim = dim[..^1];
            }

            long value = 0;
            foreach (var b in dim)
            {
                var digit = b - (byte)'0';
                if (digit is < 0 or > 9 || value > (long.MaxValue - digit) / 10)
                {
                    return null;
                }

                value = (value * 10) + digit;
            }

            dims[i++] = value;
        }

        return dims;
    }

    /// <summary>The bytes after <c>'key':</c> (either quote, spaces allowed around the colon).</summary>
    private static bool TryValue(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        foreach (var quote in "'\""u8)
        {
            var index = Find(text, quote, key);
            if (index < 0)
            {
                continue;
            }

            var rest = Trim(text[(index + key.Length + 2)..]);
            value = !rest.IsEmpty && rest[0] == (byte)':' ? Trim(rest[1..]) : default;
            return !rest.IsEmpty && rest[0] == (byte)':';
        }

        value = default;
        return false;
    }

    /// <summary>Where <paramref name="key"/> stands between two <paramref name="quote"/>s, or -1.</summary>
    private static int Find(ReadOnlySpan<byte> text, byte quote, ReadOnlySpan<byte> key)
    {
        for (var i = 0; i + key.Length + 1 < text.Length; i++)
        {
            if (text[i] == quote && text[i + key.Length + 1] == quote && text.Slice(i + 1, key.Length).SequenceEqual(key))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Without the spaces, tabs and line ends around it.</summary>
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty && bytes[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            bytes = bytes[1..];
        }

        while (!bytes.IsEmpty && bytes[^1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            bytes = bytes[..^1];
        }

        return bytes;
    }

    /// <summary>ASCII (every descr numpy writes) by a loop; anything else decoded as the header's version says.</summary>
    private static string Text(ReadOnlySpan<byte> bytes, bool utf8)
    {
        Span<char> chars = bytes.Length <= 256 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0x80)
            {
                return utf8 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
            }

            chars[i] = (char)bytes[i];
        }

        return new string(chars);
    }
}
