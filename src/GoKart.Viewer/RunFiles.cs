namespace GoKart.Viewer;

/// <summary>The log files of one run found by a listing: which kinds exist, and size and time of each stamped one.</summary>
internal sealed class RunFiles
{
    // Indexed by kind (LogFileName.All), inside this object (one allocation per run); paths are rebuilt from name and id.
    private PerKind _sizes;
    private PerKind _ticks;

    public RunFiles(string taskName, string id)
    {
        TaskName = taskName;
        Id = id;
        ((Span<long>)_sizes).Fill(-1);
    }

    public string TaskName { get; }

    public string Id { get; }

    public int Mask { get; private set; }

    /// <summary>What the cache holds for this run, if anything (used when <see cref="Matches"/> its stamp).</summary>
    public RunRecord? Cached { get; set; }

    public bool HasParsedLogs => (Mask & ~1) != 0;

    public bool Has(int kind) => (Mask & (1 << kind)) != 0;

    public long Size(int kind) => _sizes[kind];

    /// <summary>The kind exists; size -1 and time 0 when the listing did not ask for them.</summary>
    public void Add(int kind, long size, long ticks)
    {
        _sizes[kind] = size;
        _ticks[kind] = ticks;
        Mask |= 1 << kind;
    }

    public void Remove(int kind)
    {
        _sizes[kind] = -1;
        _ticks[kind] = 0;
        Mask &= ~(1 << kind);
    }

    /// <summary>
    /// Which log files exist, then size and time of each parsed kind (module_versions is not parsed, so not
    /// stamped; a local listing leaves all but task_log unstamped, see <see cref="LocalListing"/>).
    /// </summary>
    public long[] Stamp()
    {
        var stamp = new long[((LogFileName.All.Length - 1) * 2) + 1];
        stamp[^1] = Mask;
        for (var i = 1; i < LogFileName.All.Length; i++)
        {
            stamp[2 * (i - 1)] = _sizes[i];
            stamp[(2 * (i - 1)) + 1] = _ticks[i];
        }

        return stamp;
    }

    /// <summary>Whether <see cref="Stamp"/> would equal this one (without making it).</summary>
    public bool Matches(long[] stamp)
    {
        if (stamp.Length != ((LogFileName.All.Length - 1) * 2) + 1 || stamp[^1] != Mask)
        {
            return false;
        }

        for (var i = 1; i < LogFileName.All.Length; i++)
        {
            if (stamp[2 * (i - 1)] != _sizes[i] || stamp[(2 * (i - 1)) + 1] != _ticks[i])
            {
                return false;
            }
        }

        return true;
    }
}

[System.Runtime.CompilerServices.InlineArray(5)]
internal struct PerKind
{
    private long _first;
}
