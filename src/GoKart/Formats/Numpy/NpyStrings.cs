using System.Buffers.Binary;
using System.Text;

namespace GoKart.Formats.Numpy;

/// <summary>String columns as numpy fixed-width unicode (<c>&lt;U n</c>: UTF-32LE, NUL padded), which pandas reads without pickle.</summary>
internal static class NpyStrings
{
    public static async ValueTask WriteAsync(Stream stream, string?[] values, CancellationToken cancellationToken)
    {
        var width = 1;
        foreach (var value in values)
        {
            width = Math.Max(width, value is null ? 0 : Encoding.UTF32.GetByteCount(value) / 4);
        }

        var header = new NpyHeader($"<U{width}", false, [values.Length]);
        await stream.WriteAsync(header.ToBytes(), cancellationToken).ConfigureAwait(false);
        var itemSize = width * 4;
        var chunk = new byte[Math.Max(itemSize, (1 << 20) / itemSize * itemSize)];
        var used = 0;
        foreach (var value in values)
        {
            if (used + itemSize > chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
                used = 0;
            }

            var cell = chunk.AsSpan(used, itemSize);
            cell.Clear();
            if (value is not null)
            {
                Encoding.UTF32.GetBytes(value, cell);
            }

            used += itemSize;
        }

        await stream.WriteAsync(chunk.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
    }

    public static async ValueTask<string[]> ReadAsync(Stream stream, NpyHeader header, string location, CancellationToken cancellationToken)
    {
        if (!header.Descr.StartsWith("<U", StringComparison.Ordinal) || !int.TryParse(header.Descr.AsSpan(2), out var width) || header.Shape.Length != 1)
        {
            throw new InvalidDataException($"{location}: expected a 1-D unicode array (<U n), found {header.Descr} with shape ({string.Join(", ", header.Shape)}).");
        }

        var count = checked((int)header.Shape[0]);
        var values = new string[count];
        var item = new byte[width * 4];
        for (var i = 0; i < count; i++)
        {
            if (await stream.ReadAtLeastAsync(item, item.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < item.Length)
            {
                throw new InvalidDataException($"{location}: the string data is cut short at element {i} of {count} (truncated file?).");
            }

            var length = width;
            while (length > 0 && BinaryPrimitives.ReadUInt32LittleEndian(item.AsSpan((length - 1) * 4)) == 0)
            {
                length--;
            }

            values[i] = Encoding.UTF32.GetString(item, 0, length * 4);
        }

        return values;
    }
}
