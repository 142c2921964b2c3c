using GoKart.Execution.Async;
using System.Runtime.CompilerServices;
using System.IO.Compression;

namespace GoKart.Formats.Numpy;

/// <summary>Opens and creates the zip container of .npz files (one <c>name.npy</c> entry per array).</summary>
internal static class NpzArchive
{
    public static async ValueTask<ZipArchive> CreateAsync(Stream stream, CancellationToken cancellationToken) =>
        await ZipArchive.CreateAsync(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the archive's central directory (<see cref="NpzZipReader"/>); a stream that cannot seek is copied into memory first.</summary>
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public static async ValueTask<NpzReadArchive> OpenAsync(Stream stream, string location, CancellationToken cancellationToken)
    {
        Stream? copy = null;
        if (!stream.CanSeek)
        {
            copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            copy.Position = 0;
        }

        try
        {
            var source = copy ?? stream;
            var entries = NpzZipReader.ReadEntries(source, location);
            return new NpzReadArchive(source, entries, copy, NpzPrefetch.Start(source, entries, location));
        }
        catch
        {
            copy?.Dispose();
            throw;
        }
    }

    public static async ValueTask<Stream> CreateEntryAsync(ZipArchive archive, string name, bool compressed, CancellationToken cancellationToken) =>
        await archive.CreateEntry(name + ".npy", compressed ? CompressionLevel.Fastest : CompressionLevel.NoCompression)
            .OpenAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The arrays by name (entry name without <c>.npy</c>).</summary>
    public static Dictionary<string, NpzZipEntry> Entries(NpzReadArchive archive, string location)
    {
        var entries = new Dictionary<string, NpzZipEntry>(StringComparer.Ordinal);
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

    // Apart, so that reading a stored (numpy's default) archive does not load System.IO.Compression.
    // Returns Stream, not DeflateStream (CA1859): the caller's signature-level reference is what must not name the type.
    [MethodImpl(MethodImplOptions.NoInlining)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The caller must not name DeflateStream.")]
    private static Stream Inflate(Stream raw) => new DeflateStream(raw, CompressionMode.Decompress);

    /// <summary>Runs a read of one entry (inflated when deflated), naming the entry in any data error (CRC mismatch, truncation).</summary>
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public static async ValueTask<T> ReadEntryAsync<T>(NpzReadArchive archive, NpzZipEntry entry, string location, Func<Stream, string, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        var where = $"{location} [{entry.FullName}]";
        try
        {
            var raw = NpzZipReader.OpenRaw(archive.Source, entry, location);
            var data = entry.Method == 8 ? Inflate(raw) : raw;
            var stream = new CrcCheckingStream(data, entry.Crc32, entry.Length, where) { Prepared = archive.Prefetch?.SlotOf(entry) };
            await using (stream.ConfigureAwait(false))
            {
                return await read(stream, where).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(where, StringComparison.Ordinal) && !e.Message.StartsWith(location + ": not a readable", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{where}: corrupt entry: {e.Message}", e);
        }
    }
}
