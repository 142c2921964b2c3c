using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace GoKart.Viewer;

/// <summary>dtype, shape and the first values of a .npy array (and of each array in a .npz), from the header alone plus the head of the data.</summary>
internal static partial class NpyPreview
{
    public static async Task<string> RenderAsync(Stream stream, int topK, CancellationToken cancellationToken)
    {
        var (dtype, shape, fortran) = await ReadHeaderAsync(stream, cancellationToken).ConfigureAwait(false);
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"array dtype={dtype} shape=({string.Join(", ", shape)}{(shape.Length == 1 ? "," : string.Empty)}){(fortran ? " fortran_order" : string.Empty)}\n");
        var size = ItemSize(dtype);
        if (size > 0 && count > 0)
        {
            var take = (int)Math.Min(count, topK);
            var bytes = new byte[take * size];
            await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var values = Enumerable.Range(0, take).Select(i => Format(dtype, bytes.AsSpan(i * size, size))).ToList();
            builder.Append('[').Append(string.Join(", ", values)).Append(count > take ? $", ... {count - take} more" : string.Empty).Append("]\n");
        }

        return builder.ToString();
    }

    public static async Task<string> RenderArchiveAsync(Stream stream, int topK, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        copy.Position = 0;
        using var archive = new ZipArchive(copy, ZipArchiveMode.Read);
        var builder = new StringBuilder();
        foreach (var entry in archive.Entries)
        {
            var inner = entry.Open();
            await using (inner.ConfigureAwait(false))
            {
                builder.Append(Path.GetFileNameWithoutExtension(entry.Name)).Append(": ").Append(await RenderAsync(inner, topK, cancellationToken).ConfigureAwait(false));
            }
        }

        return builder.ToString();
    }

    private static async Task<(string Dtype, long[] Shape, bool Fortran)> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken)
    {
        var prefix = new byte[10];
        await stream.ReadExactlyAsync(prefix, cancellationToken).ConfigureAwait(false);
        if (prefix[0] != 0x93 || Encoding.ASCII.GetString(prefix, 1, 5) != "NUMPY")
        {
            throw new InvalidDataException("not a .npy file (no \\x93NUMPY magic)");
        }

        int length;
        if (prefix[6] == 1)
        {
            length = BinaryPrimitives.ReadUInt16LittleEndian(prefix.AsSpan(8));
        }
        else
        {
            var more = new byte[2];
            await stream.ReadExactlyAsync(more, cancellationToken).ConfigureAwait(false);
            length = checked((int)BinaryPrimitives.ReadUInt32LittleEndian([prefix[8], prefix[9], more[0], more[1]]));
        }

        var header = new byte[length];
        await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
        var text = Encoding.Latin1.GetString(header);
        var dtype = Descr().Match(text) is { Success: true } d ? d.Groups[1].Value : "?";
        var shape = Shape().Match(text) is { Success: true } s
            ? s.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => long.Parse(v.TrimEnd('L'), CultureInfo.InvariantCulture)).ToArray()
            : [];
        return (dtype, shape, text.Contains("'fortran_order': True", StringComparison.Ordinal));
    }

    private static int ItemSize(string dtype) => dtype.Length >= 3 && dtype[0] is '<' or '|' && dtype[1] is 'f' or 'i' or 'u' or 'b'
        && int.TryParse(dtype.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is 1 or 2 or 4 or 8 ? n : 0;

    private static string Format(string dtype, ReadOnlySpan<byte> b) => (dtype[1], b.Length) switch
    {
        ('f', 8) => BinaryPrimitives.ReadDoubleLittleEndian(b).ToString("R", CultureInfo.InvariantCulture),
        ('f', 4) => BinaryPrimitives.ReadSingleLittleEndian(b).ToString("R", CultureInfo.InvariantCulture),
        ('f', _) => ((double)BinaryPrimitives.ReadHalfLittleEndian(b)).ToString("R", CultureInfo.InvariantCulture),
        ('b', _) => b[0] != 0 ? "True" : "False",
        ('i', 8) => BinaryPrimitives.ReadInt64LittleEndian(b).ToString(CultureInfo.InvariantCulture),
        ('i', 4) => BinaryPrimitives.ReadInt32LittleEndian(b).ToString(CultureInfo.InvariantCulture),
        ('i', 2) => BinaryPrimitives.ReadInt16LittleEndian(b).ToString(CultureInfo.InvariantCulture),
        ('i', _) => ((sbyte)b[0]).ToString(CultureInfo.InvariantCulture),
        ('u', 8) => BinaryPrimitives.ReadUInt64LittleEndian(b).ToString(CultureInfo.InvariantCulture),
        ('u', 4) => BinaryPrimitives.ReadUInt32LittleEndian(b).ToString(CultureInfo.InvariantCulture),
        ('u', 2) => BinaryPrimitives.ReadUInt16LittleEndian(b).ToString(CultureInfo.InvariantCulture),
        _ => b[0].ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"'descr':\s*'([^']*)'")]
    private static partial Regex Descr();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex Shape();
}
