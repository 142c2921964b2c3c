namespace GoKart.Formats.Numpy;

/// <summary>An .npz opened for reading: its stream, central directory and the arrays made ahead of the read (<see cref="NpzPrefetch"/>).</summary>
internal sealed class NpzReadArchive : IDisposable
{
    private readonly Stream? _owned;

    public NpzReadArchive(Stream source, List<NpzZipEntry> entries, Stream? owned, NpzPrefetch? prefetch = null)
    {
        Source = source;
        Entries = entries;
        _owned = owned;
        Prefetch = prefetch;
    }

    /// <summary>The look ahead over the large stored arrays; null where it would not pay.</summary>
    public NpzPrefetch? Prefetch { get; }

    /// <summary>The seekable stream the entries are read from.</summary>
    public Stream Source { get; }

    public List<NpzZipEntry> Entries { get; }

    /// <summary>Disposes the in-memory copy made of a stream that could not seek; the caller's stream stays open.</summary>
    public void Dispose()
    {
        Prefetch?.Dispose();
        _owned?.Dispose();
    }
}
