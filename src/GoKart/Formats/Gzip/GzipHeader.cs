namespace GoKart.Formats.Gzip;

/// <summary>The variable-length gzip member header (RFC 1952 §2.3).</summary>
internal static class GzipHeader
{
    private const byte HeaderCrc = 0x02;
    private const byte Extra = 0x04;
    private const byte Name = 0x08;
    private const byte Comment = 0x10;

    /// <summary>The header's length in bytes, or -1 when <paramref name="data"/> does not hold all of it yet.</summary>
    public static int Measure(ReadOnlySpan<byte> data)
    {
        if (data.Length < 10)
        {
            return -1;
        }

        var flags = data[3];
        var at = 10;
        if ((flags & Extra) != 0)
        {
            if (data.Length < at + 2)
            {
                return -1;
            }

            at += 2 + (data[at] | (data[at + 1] << 8));
        }

        at = SkipText(data, at, (flags & Name) != 0);
        at = SkipText(data, at, (flags & Comment) != 0);

        // The optional header CRC-16 is skipped, as Python's gzip module does.
        at += (flags & HeaderCrc) != 0 ? 2 : 0;
        return at >= 0 && at <= data.Length ? at : -1;
    }

    // A zero-terminated field (file name, comment) when present; -1 when its end is not buffered yet.
    private static int SkipText(ReadOnlySpan<byte> data, int at, bool present)
    {
        if (!present || at < 0)
        {
            return at;
        }

        var zero = at <= data.Length ? data[at..].IndexOf((byte)0) : -1;
        return zero < 0 ? -1 : at + zero + 1;
    }
}
