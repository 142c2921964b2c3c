namespace GoKart.Viewer;

/// <summary>
/// What a listing found under <c>log/</c>: the runs (keyed by <c>Task_id</c>, each with the cached record when the
/// cache has one), the foreign files, and the log folder stamps to keep for the next scan.
/// </summary>
internal sealed class ScanListing
{
    private Dictionary<string, RunFiles>? _byKey;

    /// <summary>Every run found (a run whose files are all gone has <see cref="RunFiles.Mask"/> 0).</summary>
    public List<RunFiles> Runs { get; } = [];

    /// <summary>The runs by <c>Task_id</c>, made on first use (a listing that found no changed folder never needs it).</summary>
    public Dictionary<string, RunFiles> ByKey
    {
        get
        {
            if (_byKey is null)
            {
                _byKey = new Dictionary<string, RunFiles>(Runs.Count, StringComparer.Ordinal);
                foreach (var run in Runs)
                {
                    _byKey[string.Concat(run.TaskName, "_", run.Id)] = run;
                }
            }

            return _byKey;
        }
    }

    public List<LogProblem> Problems { get; } = [];

    /// <summary>Problems of files inside a log kind folder, by kind index: cached with the folder's stamp.</summary>
    public List<(int Kind, LogProblem Problem)> FolderProblems { get; } = [];

    /// <summary>Per log kind, the folder's modification time when it can be trusted next time, else 0 (see <see cref="LocalListing"/>).</summary>
    public long[] FolderTimes { get; init; } = [];

    /// <summary>Whether the folder stamps differ from the cached ones (the cache is then rewritten).</summary>
    public bool FoldersChanged { get; set; }

    public RunFiles GetOrAdd(string taskName, string id)
    {
        var key = string.Concat(taskName, "_", id);
        if (!ByKey.TryGetValue(key, out var run))
        {
            ByKey[key] = run = new RunFiles(taskName, id);
            Runs.Add(run);
        }

        return run;
    }

    /// <summary>Adds a run known to be new (from the cache, before any lookup).</summary>
    public RunFiles Add(string taskName, string id)
    {
        var run = new RunFiles(taskName, id);
        Runs.Add(run);
        if (_byKey is not null)
        {
            _byKey[string.Concat(taskName, "_", id)] = run;
        }

        return run;
    }
}
