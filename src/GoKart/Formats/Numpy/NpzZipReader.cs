using System.Buffers.Binary;
using System.Text;

namespace GoKart.Formats.Numpy;

/// <summary>One member of an .npz (zip) archive, as its central directory describes it.</summary>
internal sealed record NpzZipEntry(string FullName, int Method, uint Crc32, long CompressedLength, long Length, long LocalHeaderOffset);

/// <summary>
/// Reads the central directory of a zip archive (zip64 included), and opens its stored or deflated members. Our own
/// rather than <c>ZipArchive</c> for the read side: ZipArchive's open loads ICU and the time-zone data (for entry
/// times an .npz never needs) and runs a dozen async state machines per entry, all JIT-compiled in a fresh process;
/// this is a few synchronous reads of a seekable stream. Every bound is checked: a damaged file is an
/// <see cref="InvalidDataException"/>, never an out-of-range read.
/// </summary>
internal static class NpzZipReader
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint CentralSignature = 0x02014b50;
    private const uint LocalSignature = 0x04034b50;
    private const int EndLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <summary>The members in central-directory order; the stream must be seekable.</summary>
    public static List<NpzZipEntry> ReadEntries(Stream stream, string location)
    {
        var length = stream.Length;
        if (length < EndLength)
        {
            throw Corrupt(location, "too short for a zip archive");
        }

        // The end record is the last 22 bytes unless the archive has a comment (numpy writes none): then search back.
        var tail = ReadAt(stream, length - EndLength, EndLength, location);
        var tailLength = EndLength;
        var end = BinaryPrimitives.ReadUInt32LittleEndian(tail) == EndSignature ? 0 : -1;
        if (end < 0)
        {
            tailLength = (int)Math.Min(length, EndLength + MaxCommentLength);
            tail = ReadAt(stream, length - tailLength, tailLength, location);
            for (var i = tailLength - EndLength; i >= 0; i--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndSignature)
                {
                    end = i;
                    break;
                }
            }
        }

        if (end < 0)
        {
            throw Corrupt(location, "no end of central directory record");
        }

        var record = tail.AsSpan(end);
        long count = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        long directoryLength = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        long directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
        var endOffset = length - tailLength + end;
        if (count == ushort.MaxValue || directoryLength == uint.MaxValue || directoryOffset == uint.MaxValue)
        {
            (count, directoryLength, directoryOffset) = ReadZip64End(stream, endOffset, location);
        }

        if (directoryOffset < 0 || directoryLength < 0 || directoryOffset + directoryLength > endOffset || directoryLength > int.MaxValue)
        {
            throw Corrupt(location, "the central directory lies outside the file");
        }

        var directory = ReadAt(stream, directoryOffset, (int)directoryLength, location);
        var entries = new List<NpzZipEntry>((int)Math.Min(count, 4096));
        var at = 0;
        for (long n = 0; n < count; n++)
        {
            entries.Add(ReadCentralEntry(directory, ref at, directoryOffset, location));
        }

        return entries;
    }

    /// <summary>The member's bytes as stored (compressed when <see cref="NpzZipEntry.Method"/> is 8), bounded to its length.</summary>
    public static Stream OpenRaw(Stream stream, NpzZipEntry entry, string location)
    {
        var header = ReadAt(stream, entry.LocalHeaderOffset, 30, location);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalSignature)
        {
            throw Corrupt(location, $"entry '{entry.FullName}' has no local header at offset {entry.LocalHeaderOffset}");
        }

        // The local header repeats the name: a directory entry pointing elsewhere (damage the CRC cannot see) is caught here.
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
        var localName = ReadAt(stream, entry.LocalHeaderOffset + 30, nameLength, location);
        if (!SameName(localName, entry.FullName))
        {
            throw Corrupt(location, $"entry '{entry.FullName}' does not match its local header");
        }

        var dataOffset = entry.LocalHeaderOffset + 30 + nameLength + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        if (dataOffset + entry.CompressedLength > stream.Length)
        {
            throw Corrupt(location, $"entry '{entry.FullName}' runs past the end of the file (truncated?)");
        }

        return new BoundedReadStream(stream, dataOffset, entry.CompressedLength);
    }

    private static (long Count, long Length, long Offset) ReadZip64End(Stream stream, long endOffset, string location)
    {
        if (endOffset < 20)
        {
            throw Corrupt(location, "zip64 end record locator missing");
        }

        var locator = ReadAt(stream, endOffset - 20, 20, location);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
        {
            throw Corrupt(location, "zip64 end record locator missing");
        }

        var recordOffset = BinaryPrimitives.ReadInt64LittleEndian(locator.AsSpan(8));
        if (recordOffset < 0 || recordOffset + 56 > endOffset)
        {
            throw Corrupt(location, "zip64 end record outside the file");
        }

        var record = ReadAt(stream, recordOffset, 56, location);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature)
        {
            throw Corrupt(location, "bad zip64 end record");
        }

        return (BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32)), BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(40)), BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(48)));
    }

    private static NpzZipEntry ReadCentralEntry(byte[] directory, ref int at, long directoryOffset, string location)
    {
        if (at + 46 > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) != CentralSignature)
        {
            throw Corrupt(location, $"bad central directory entry at offset {directoryOffset + at}");
        }

        var fixedPart = directory.AsSpan(at, 46);
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[8..]);
        int method = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[10..]);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[16..]);
        long compressed = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[20..]);
        long length = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[24..]);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[28..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[30..]);
        int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[32..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[42..]);
        var next = at + 46 + nameLength + extraLength + commentLength;
        if (next > directory.Length)
        {
            throw Corrupt(location, $"central directory entry at offset {directoryOffset + at} runs past the directory");
        }

        // Bit 11: the name is UTF-8; otherwise code page 437, which for the ASCII names numpy writes is the same.
        var name = ((flags & 0x800) != 0 ? Encoding.UTF8 : Encoding.Latin1).GetString(directory, at + 46, nameLength);
        ReadZip64Extra(directory.AsSpan(at + 46 + nameLength, extraLength), ref length, ref compressed, ref offset);
        at = next;
        if ((flags & 1) != 0)
        {
            throw Corrupt(location, $"entry '{name}' is encrypted");
        }

        if (method is not (0 or 8))
        {
            throw Corrupt(location, $"entry '{name}' uses compression method {method} (stored and deflate are supported)");
        }

        if (compressed < 0 || length < 0 || offset < 0 || offset >= directoryOffset)
        {
            throw Corrupt(location, $"entry '{name}' has sizes or an offset outside the file");
        }

        return new NpzZipEntry(name, method, crc, compressed, length, offset);
    }

    private static void ReadZip64Extra(ReadOnlySpan<byte> extra, ref long length, ref long compressed, ref long offset)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            var data = extra[4..Math.Min(extra.Length, 4 + size)];
            if (id == 1)
            {
                // Only the fields whose 32-bit value is all ones are present, in this order.
                if (length == uint.MaxValue && data.Length >= 8)
                {
                    length = BinaryPrimitives.ReadInt64LittleEndian(data);
                    data = data[8..];
                }

                if (compressed == uint.MaxValue && data.Length >= 8)
                {
                    compressed = BinaryPrimitives.ReadInt64LittleEndian(data);
                    data = data[8..];
                }

                if (offset == uint.MaxValue && data.Length >= 8)
                {
                    offset = BinaryPrimitives.ReadInt64LittleEndian(data);
                }

                return;
            }

            extra = extra[Math.Min(extra.Length, 4 + size)..];
        }
    }

    /// <summary>Whether a local header's name bytes spell <paramref name="name"/> (as UTF-8, or as the Latin-1 of old archives).</summary>
    private static bool SameName(byte[] local, string name)
    {
        // ASCII names (all numpy and GoKart write) compare byte for char. The UTF-8 encoder is kept for the rest: its
        // first use in a process costs 1.5-3 ms of type loading, a tenth of a whole first load.
        var ascii = local.Length == name.Length;
        for (var i = 0; ascii && i < local.Length; i++)
        {
            ascii = name[i] < 0x80 && local[i] < 0x80;
            if (ascii && local[i] != name[i])
            {
                return false;
            }
        }

        return ascii || local.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(name)) || Encoding.Latin1.GetString(local) == name;
    }

    private static byte[] ReadAt(Stream stream, long offset, int count, string location)
    {
        var buffer = new byte[count];
        stream.Position = offset;
        if (stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false) < count)
        {
            throw Corrupt(location, "the archive is cut short");
        }

        return buffer;
    }

    private static InvalidDataException Corrupt(string location, string what) =>
        new($"{location}: not a readable .npz (zip) archive (truncated or corrupt?): {what}.");
}
