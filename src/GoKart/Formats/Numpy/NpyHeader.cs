using GoKart.Execution.Async;
using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
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

        return Parse(major == 3 ? Encoding.UTF8.GetString(header) : Encoding.Latin1.GetString(header), location);
    }

    // A hand parser rather than a regex: loading the regex engine was a tenth of a first .npz load.
    private static NpyHeader Parse(string text, string location)
    {
        var descr = ValueOf(text, "descr") is { } d && d.Length > 1 && d[0] is '\'' or '"' ? Quoted(d) : null;
        var fortran = ValueOf(text, "fortran_order") is { } f ? (f.StartsWith("True", StringComparison.Ordinal) ? "True" : f.StartsWith("False", StringComparison.Ordinal) ? "False" : null) : null;
        var shapeText = ValueOf(text, "shape") is { } s && s.StartsWith('(') && s.IndexOf(')', StringComparison.Ordinal) is var close and > 0 ? s[1..close] : null;
        if (descr is null || fortran is null || shapeText is null)
        {
            throw new InvalidDataException($"{location}: the .npy header is not numpy's dict (descr, fortran_order, shape): {text.Trim()}");
        }

        var dims = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new long[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            var dim = dims[i].TrimEnd('L');
            if (!long.TryParse(dim, NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]))
            {
                throw new InvalidDataException($"{location}: the .npy shape ({shapeText}) is not a tuple of sizes.");
            }
        }

        return new NpyHeader(descr, fortran == "True", parsed);
    }

    /// <summary>The text after <c>'key':</c> (either quote, spaces allowed around the colon), or null.</summary>
    private static string? ValueOf(string text, string key)
    {
        foreach (var quote in (ReadOnlySpan<char>)['\'', '"'])
        {
            var index = text.IndexOf(quote + key + quote, StringComparison.Ordinal);
            if (index < 0)
            {
                continue;
            }

            var rest = text.AsSpan(index + key.Length + 2).TrimStart();
            if (rest.IsEmpty || rest[0] != ':')
            {
                return null;
            }

            return rest[1..].TrimStart().ToString();
        }

        return null;
    }

    /// <summary>A quoted value up to the next quote of either kind, as numpy writes descr.</summary>
    private static string? Quoted(string value)
    {
        var end = value.AsSpan(1).IndexOfAny('\'', '"');
        return end < 0 ? null : value.Substring(1, end);
    }
}
