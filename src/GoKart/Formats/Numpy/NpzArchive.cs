using System.IO.Compression;

namespace GoKart.Formats.Numpy;

/// <summary>Opens and creates the zip container of .npz files (one <c>name.npy</c> entry per array).</summary>
internal static class NpzArchive
{
    public static async ValueTask<ZipArchive> CreateAsync(Stream stream, CancellationToken cancellationToken) =>
        await ZipArchive.CreateAsync(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);

    public static async ValueTask<ZipArchive> OpenAsync(Stream stream, string location, CancellationToken cancellationToken)
    {
        try
        {
            return await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{location}: not a readable .npz (zip) archive (truncated or corrupt?): {e.Message}", e);
        }
    }

    public static async ValueTask<Stream> CreateEntryAsync(ZipArchive archive, string name, bool compressed, CancellationToken cancellationToken) =>
        await archive.CreateEntry(name + ".npy", compressed ? CompressionLevel.Fastest : CompressionLevel.NoCompression)
            .OpenAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The arrays by name (entry name without <c>.npy</c>).</summary>
    public static Dictionary<string, ZipArchiveEntry> Entries(ZipArchive archive, string location)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
            if (!entries.TryAdd(name, entry))
            {
                throw new InvalidDataException($"{location}: the archive has array '{name}' twice.");
            }
        }

        return entries;
    }

    /// <summary>Runs a read of one entry, naming the entry in any data error (CRC mismatch, truncation).</summary>
    public static async ValueTask<T> ReadEntryAsync<T>(ZipArchiveEntry entry, string location, Func<Stream, string, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        var where = $"{location} [{entry.FullName}]";
        try
        {
            var stream = new CrcCheckingStream(await entry.OpenAsync(cancellationToken).ConfigureAwait(false), entry.Crc32, entry.Length, where);
            await using (stream.ConfigureAwait(false))
            {
                return await read(stream, where).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(where, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{where}: corrupt entry: {e.Message}", e);
        }
    }
}
