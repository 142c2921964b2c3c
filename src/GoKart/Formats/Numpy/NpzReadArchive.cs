namespace GoKart.Formats.Numpy;

/// <summary>An .npz opened for reading: its stream and central directory.</summary>
internal sealed class NpzReadArchive : IDisposable
{
    private readonly Stream? _owned;

    public NpzReadArchive(Stream source, List<NpzZipEntry> entries, Stream? owned)
    {
        Source = source;
        Entries = entries;
        _owned = owned;
    }

    /// <summary>The seekable stream the entries are read from.</summary>
    public Stream Source { get; }

    public List<NpzZipEntry> Entries { get; }

    /// <summary>Disposes the in-memory copy made of a stream that could not seek; the caller's stream stays open.</summary>
    public void Dispose() => _owned?.Dispose();
}
