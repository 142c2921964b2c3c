using System.Collections.Concurrent;

namespace GoKart.Viewer;

/// <summary>
/// Whether each recorded output exists and its size. Another store: a look-up in its listing. A local folder: the
/// size the cache holds when the output's folder has the modification time cached with it (files are created,
/// replaced and deleted through their folder, which moves its time; the local store writes outputs through a
/// temporary name and a rename), else one stat. A file rewritten in place by hand, keeping its folder's time,
/// keeps its cached size until its folder changes. Safe to call from several threads.
/// </summary>
internal sealed class OutputSizes(string? localRoot, Dictionary<string, long>? files, string prefix, Dictionary<string, long> cachedFolders) : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _folders = new(StringComparer.Ordinal);
    private readonly long _settled = DateTime.UtcNow.Ticks - LocalListing.Settle.Ticks;
    private readonly LocalStat? _stat = localRoot is null || files is not null ? null : new LocalStat(Path.GetFullPath(localRoot));

    public void Dispose() => _stat?.Dispose();

    /// <summary>Output folders whose time can be trusted next time (see <see cref="LocalListing.Settle"/>).</summary>
    public Dictionary<string, long> FolderTimes()
    {
        var times = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (folder, time) in _folders)
        {
            if (time != 0 && time < _settled)
            {
                times[folder] = time;
            }
        }

        return times;
    }

    /// <summary>The size of the output at <paramref name="path"/>, or null when it is missing; <paramref name="cached"/> is the size the cache holds (-1 missing), if any.</summary>
    public long? SizeOf(string path, long? cached)
    {
        if (files is not null)
        {
            return files.TryGetValue(path, out var size) ? size : null;
        }

        if (_stat is null || !WorkspaceIndex.IsInsideWorkspace(path))
        {
            return null;
        }

        // The folder's time is taken before the file is looked at: a change after that moves it.
        var slash = path.LastIndexOf('/');
        var folder = slash < 0 ? ReadOnlySpan<char>.Empty : path.AsSpan(0, slash);
        var time = FolderTime(folder);
        if (cached is { } known && time != 0 && cachedFolders.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(folder, out var cachedTime) && cachedTime == time)
        {
            return known < 0 ? null : known;
        }

        return _stat.TryStat(path, out var length, out _) && !path.AsSpan(slash + 1).Contains(".gokart-tmp-", StringComparison.Ordinal) ? length : null;
    }

    private long FolderTime(ReadOnlySpan<char> folder)
    {
        var lookup = _folders.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(folder, out var time))
        {
            return time;
        }

        time = LocalStat.FolderTicks(Path.Join(localRoot, folder));
        lookup.TryAdd(folder, time);
        return time;
    }

    /// <summary>
    /// Logs written before output_paths only name the location as the store described it then: strip this
    /// workspace's prefix, else find the longest '/'-suffix that is a file here (the workspace was moved).
    /// </summary>
    public string? RelativePath(string location)
    {
        if (prefix.Length > 0 && location.StartsWith(prefix, StringComparison.Ordinal) && location.Length > prefix.Length)
        {
            return location[prefix.Length..].TrimStart('/');
        }

        for (var slash = location.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = location.IndexOf('/', slash + 1))
        {
            var candidate = location[(slash + 1)..];
            if (files is not null ? files.ContainsKey(candidate) : SizeOf(candidate, null) is not null)
            {
                return candidate;
            }
        }

        return null;
    }
}
