namespace GoKart.Formats;

/// <summary>
/// For formats whose footer is at the end (parquet, the Arrow IPC file; used by GoKart.Parquet and GoKart.Arrow): a
/// stream that cannot seek (a remote store's body) is spooled to a temporary file first.
/// </summary>
internal sealed class SeekableStreams : IAsyncDisposable
{
    private readonly bool _owned;

    private SeekableStreams(Stream stream, bool owned)
    {
        Stream = stream;
        _owned = owned;
    }

    public Stream Stream { get; }

    public static async Task<SeekableStreams> EnsureAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            return new SeekableStreams(stream, false);
        }

        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await stream.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
        spool.Position = 0;
        return new SeekableStreams(spool, true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
