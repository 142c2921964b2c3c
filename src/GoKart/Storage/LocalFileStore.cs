using System.Collections.Concurrent;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Storage;

/// <summary>
/// A workspace on local disk. Writes go to a hidden temporary file in the destination folder and are
/// renamed into place on commit, so a crash never leaves a file a later run takes for a complete output.
/// </summary>
public sealed class LocalFileStore : IWorkspaceStore
{
    internal const string TempMarker = ".gokart-tmp-";
    // Reference-type values: ReadyToRun code for ConcurrentDictionary<string, bool> is not in the framework's images, so
    // it was JIT-compiled in every fresh process (issue 18, start-up). Made on the first write, as the temporary prefix
    // below: a store that only reads (Kart.LoadOutput) needs neither, and they cost a fresh process's first load ~0.5 ms.
    private ConcurrentDictionary<string, string>? _createdDirectories;

    // Temporary names: one random prefix per store and a counter, instead of a random number per file (a read of the
    // runtime's random source each time). O_EXCL still refuses a name another process happens to hold.
    private string? _tempPrefix;
    private long _tempCounter;

    /// <summary>Creates a store rooted at <paramref name="root"/> (created on first write).</summary>
    public LocalFileStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = root;
    }

    /// <summary>The workspace folder as given.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public string Describe(string path) => System.IO.Path.Combine(Root, path);

    /// <inheritdoc />
    public ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult(File.Exists(FullPath(path)));

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetLastModifiedAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(FullPath(path));
        return ValueTask.FromResult<DateTimeOffset?>(info.Exists ? new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero) : null);
    }

    /// <inheritdoc />
    public ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var full = FullPath(path);
        try
        {
            Stream stream = NativeFile.IsSupported
                ? new NativeFileStream(NativeFile.OpenRead(full), full, writable: false)
                : new SynchronousFileStream(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 0));
            return ValueTask.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"No file at {full}", full, e);
        }
    }

    /// <inheritdoc />
    public ValueTask<IPendingWrite> BeginWriteAsync(string path, CancellationToken cancellationToken)
    {
        var full = FullPath(path);
        var directory = EnsureDirectory(full);
        var counter = Digits(Interlocked.Increment(ref _tempCounter));
        var temp = System.IO.Path.Combine(directory ?? string.Empty, "." + System.IO.Path.GetFileName(full) + TempPrefix + counter);
        return ValueTask.FromResult<IPendingWrite>(new PendingFile(path, full, temp));
    }

    /// <summary>
    /// Writes a run log in place with one <c>write</c>: creating and renaming a temporary file doubled the cost of
    /// each log on ext4 (12,000 small files: 0.19 s direct vs 0.35 s with rename, measured on the build machine),
    /// and five of a task's six files are logs. A kill mid-write can leave the log absent, empty or cut short;
    /// completion never looks at logs. On Linux and macOS that is three system calls: <c>open</c> with <c>O_TRUNC</c>,
    /// <c>pwrite</c>, <c>close</c> (<see cref="NativeFile"/>).
    /// </summary>
    public ValueTask WriteSmallAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var full = FullPath(path);
        EnsureDirectory(full);
        if (NativeFile.IsSupported)
        {
            using var native = NativeFile.OpenWrite(full, createNew: false);
            if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var array))
            {
                NativeFile.Write(native, array.Array!, array.Offset, array.Count, 0, full);
            }
            else
            {
                NativeFile.Write(native, bytes.Span, 0, full);
            }
            return ValueTask.CompletedTask;
        }

        using var handle = File.OpenHandle(full, FileMode.Create, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, bytes.Span, 0);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var full = FullPath(path);
        if (!File.Exists(full))
        {
            return ValueTask.FromResult(false);
        }

        File.Delete(full);
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Starts at the deepest folder the prefix names and reads size and time from the directory entry (one stat per
    /// file, no FileInfo): a workspace index lists 600,000 files this way.
    /// </remarks>
    public async IAsyncEnumerable<StoreEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var rootFull = System.IO.Path.GetFullPath(Root);
        var folder = prefix.LastIndexOf('/') is var slash and > 0 ? prefix[..slash] : string.Empty;
        if (System.IO.Path.IsPathRooted(folder) || folder.Split('/').Any(part => part is ".." or "." or ""))
        {
            // Never start outside the root; the prefix filter below then matches nothing such a prefix names.
            folder = string.Empty;
        }

        var start = folder.Length == 0 ? rootFull : System.IO.Path.Combine(rootFull, folder);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var skip = rootFull.Length + (System.IO.Path.EndsInDirectorySeparator(rootFull) ? 0 : 1);
        var entries = new FileSystemEnumerable<StoreEntry>(
            start,
            (ref FileSystemEntry entry) =>
            {
                var directory = entry.Directory;
                var relative = directory.Length > skip
                    ? string.Concat(directory[skip..], "/", entry.FileName)
                    : entry.FileName.ToString();
                return new StoreEntry(System.IO.Path.DirectorySeparatorChar == '/' ? relative : relative.Replace('\\', '/'), entry.Length, entry.LastWriteTimeUtc);
            },
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !entry.FileName.Contains(TempMarker, StringComparison.Ordinal),
        };
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return entry;
            }
        }
    }

    private string? EnsureDirectory(string full)
    {
        var directory = System.IO.Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(directory))
        {
            return directory;
        }

        var created = _createdDirectories;
        if (created is null)
        {
            var made = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            created = Interlocked.CompareExchange(ref _createdDirectories, made, null) ?? made;
        }

        if (!created.ContainsKey(directory))
        {
            Directory.CreateDirectory(directory);
            created.TryAdd(directory, directory);
        }

        return directory;
    }

    // One prefix per store, whichever writing thread makes it first.
    private string TempPrefix
    {
        get
        {
            if (_tempPrefix is { } prefix)
            {
                return prefix;
            }

            var made = TempMarker + RandomPrefix() + "-";
            return Interlocked.CompareExchange(ref _tempPrefix, made, null) ?? made;
        }
    }

    /// <summary>
    /// Eight lower-case hex digits from a new GUID's first four bytes, as <c>Guid.NewGuid().ToString("N")[..8]</c> gave,
    /// without the vectorised formatter that a fresh process JIT-compiles.
    /// </summary>
    private static string RandomPrefix()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes);
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < 4; i++)
        {
            chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
            chars[(2 * i) + 1] = "0123456789abcdef"[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    /// <summary>
    /// A positive counter in decimal, without a format provider: the first <c>CultureInfo</c> of a process (even the
    /// invariant one, which <c>NumberFormatInfo.InvariantInfo</c> asks for) loads ICU, about 5 ms of a fresh process's
    /// first build (issue 18, start-up).
    /// </summary>
    private static string Digits(long value)
    {
        Span<char> chars = stackalloc char[20];
        var start = chars.Length;
        do
        {
            chars[--start] = (char)('0' + (value % 10));
            value /= 10;
        }
        while (value > 0);

        return new string(chars[start..]);
    }

    private string FullPath(string path)
    {
        if (path.Length == 0 || System.IO.Path.IsPathRooted(path) || path.Split('/').Contains(".."))
        {
            throw new ArgumentException($"'{path}' is not a relative path inside the workspace {Root}.", nameof(path));
        }

        return System.IO.Path.Combine(Root, path);
    }

    private sealed class PendingFile(string path, string full, string temp) : IPendingWrite
    {
        // A new file (O_EXCL): open, one pwrite per buffer the format hands over, close, rename.
        private readonly Stream _stream = NativeFile.IsSupported
            ? new NativeFileStream(NativeFile.OpenWrite(temp, createNew: true), temp, writable: true)
            : new SynchronousFileStream(new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0));
        private bool _committed;

        public Stream Stream => _stream;

        public string Path => path;

        [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
        public async ValueTask CommitAsync(CancellationToken cancellationToken)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
            if (NativeFile.IsSupported)
            {
                NativeFile.Rename(temp, full);
            }
            else
            {
                File.Move(temp, full, overwrite: true);
            }

            _committed = true;
        }

        [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
            if (!_committed)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (DirectoryNotFoundException)
                {
                    // The folder went away with the temporary file in it (the commit failed for that reason): nothing to remove.
                }
            }
        }
    }
}
