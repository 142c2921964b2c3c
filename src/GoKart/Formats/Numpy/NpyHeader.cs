using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GoKart.Formats.Numpy;

/// <summary>The .npy header: magic, version, and the dict literal with descr, fortran_order and shape.</summary>
internal sealed partial record NpyHeader(string Descr, bool FortranOrder, long[] Shape)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

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

    private static NpyHeader Parse(string text, string location)
    {
        var descr = DescrPattern().Match(text);
        var fortran = FortranPattern().Match(text);
        var shape = ShapePattern().Match(text);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new InvalidDataException($"{location}: the .npy header is not numpy's dict (descr, fortran_order, shape): {text.Trim()}");
        }

        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new long[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            var d = dims[i].TrimEnd('L');
            if (!long.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]))
            {
                throw new InvalidDataException($"{location}: the .npy shape ({shape.Groups[1].Value}) is not a tuple of sizes.");
            }
        }

        return new NpyHeader(descr.Groups[1].Value, fortran.Groups[1].Value == "True", parsed);
    }

    [GeneratedRegex("""['"]descr['"]\s*:\s*['"]([^'"]*)['"]""")]
    private static partial Regex DescrPattern();

    [GeneratedRegex("""['"]fortran_order['"]\s*:\s*(True|False)""")]
    private static partial Regex FortranPattern();

    [GeneratedRegex("""['"]shape['"]\s*:\s*\(([^)]*)\)""")]
    private static partial Regex ShapePattern();
}
