using GoKart.Storage;

namespace GoKart.Execution.Journal;

/// <summary>Where journal lines go: appended to a local file, or the whole object rewritten on a store without append.</summary>
internal abstract class JournalSink : IAsyncDisposable
{
    /// <summary>How long lines may wait before <see cref="FlushAsync"/> (zero: after every line).</summary>
    public abstract TimeSpan FlushInterval { get; }

    public static JournalSink Open(IWorkspaceStore store, string path) =>
        store is LocalFileStore local ? new AppendSink(local.Describe(path)) : new RewriteSink(store, path);

    public abstract void Append(ReadOnlySpan<byte> line);

    public abstract ValueTask FlushAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>A local file opened for append: each line is visible to a reader as soon as it is flushed.</summary>
    private sealed class AppendSink : JournalSink
    {
        private readonly FileStream _file;

        public AppendSink(string fullPath)
        {
            if (Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            _file = new FileStream(fullPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 4096);
        }

        public override TimeSpan FlushInterval => TimeSpan.Zero;

        public override void Append(ReadOnlySpan<byte> line) => _file.Write(line);

        public override ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            _file.Flush();
            return ValueTask.CompletedTask;
        }

        public override ValueTask DisposeAsync() => _file.DisposeAsync();
    }

    /// <summary>
    /// S3 and other object stores cannot append: the journal is kept in memory and the whole object is put again, at most
    /// about once a second and once at the end. A journal is a few hundred bytes per task, so even 10,000 tasks rewrite
    /// about a megabyte.
    /// </summary>
    private sealed class RewriteSink(IWorkspaceStore store, string path) : JournalSink
    {
        private readonly MemoryStream _buffer = new();

        public override TimeSpan FlushInterval => TimeSpan.FromSeconds(1);

        public override void Append(ReadOnlySpan<byte> line) => _buffer.Write(line);

        public override ValueTask FlushAsync(CancellationToken cancellationToken) =>
            store.WriteSmallAsync(path, _buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken);

        public override ValueTask DisposeAsync() => _buffer.DisposeAsync();
    }
}
