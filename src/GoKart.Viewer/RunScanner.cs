using System.Collections.Concurrent;
using GoKart.Storage;

namespace GoKart.Viewer;

/// <summary>
/// Lists a workspace once, reads the run logs the cache does not already hold (in parallel), and checks every
/// recorded output against the same listing. Never opens an output.
/// </summary>
internal static class RunScanner
{
    public static async Task<WorkspaceRuns> ScanAsync(IWorkspaceStore store, RunCache? cache, int parallelism, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, long>(StringComparer.Ordinal);
        var runs = new Dictionary<string, RunFiles>(StringComparer.Ordinal);
        var problems = new List<LogProblem>();
        foreach (var entry in await ListAllAsync(store, parallelism, cancellationToken).ConfigureAwait(false))
        {
            if (!entry.Path.StartsWith(LogFileName.Root, StringComparison.Ordinal))
            {
                files[entry.Path] = entry.Size;
                continue;
            }

            if (!LogFileName.TryParse(entry.Path, out var kind, out var taskName, out var id, out var reason))
            {
                problems.Add(new LogProblem(store.Describe(entry.Path), reason));
                continue;
            }

            var key = taskName + "_" + id;
            if (!runs.TryGetValue(key, out var run))
            {
                runs[key] = run = new RunFiles(taskName, id);
            }

            run.Add(kind, entry);
        }

        if (store is LocalFileStore localStore)
        {
            StampRunsWithoutTaskLog(localStore.Root, runs.Values);
        }

        var previous = cache?.Load() ?? [];
        var results = new ConcurrentBag<CachedRun>();
        var toRead = new List<RunFiles>();
        foreach (var (key, run) in runs)
        {
            if (!run.HasParsedLogs)
            {
                continue;
            }

            if (previous.TryGetValue(key, out var cached) && cached.Stamp.AsSpan().SequenceEqual(run.Stamp()))
            {
                results.Add(cached);
            }
            else
            {
                toRead.Add(run);
            }
        }

        await Parallel.ForEachAsync(
            toRead,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (run, ct) => results.Add(await ReadAsync(store, run, ct).ConfigureAwait(false))).ConfigureAwait(false);

        var all = results.ToList();
        if (cache is not null && (toRead.Count > 0 || previous.Count != all.Count))
        {
            cache.Save(all);
        }

        var prefix = DescribePrefix(store);
        var strings = new StringPool();
        var list = new List<TaskRun>(all.Count);
        foreach (var entry in all)
        {
            problems.AddRange(entry.Problems);
            var run = WithOutputs(entry.Run, files, prefix);
            list.Add(run with { LogMask = runs[entry.Key].Mask, Namespace = strings.Intern(RunLogParser.NamespaceOf(run)) });
        }

        problems.Sort((a, b) => string.CompareOrdinal(a.Location, b.Location));
        return new WorkspaceRuns(list, problems);
    }

    private static async Task<CachedRun> ReadAsync(IWorkspaceStore store, RunFiles run, CancellationToken cancellationToken)
    {
        var problems = new List<LogProblem>();
        var bytes = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var kind in LogFileName.Parsed)
        {
            if (!run.Has(kind))
            {
                continue;
            }

            var entry = new StoreEntry(LogFileName.PathOf(kind, run.TaskName, run.Id), run.Size(kind), default);
            try
            {
                var stream = await store.OpenReadAsync(entry.Path, cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    using var buffer = new MemoryStream(checked((int)Math.Max(entry.Size, 0)));
                    await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    bytes[kind] = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new LogProblem(store.Describe(entry.Path), "unreadable: " + e.Message));
            }
        }

        var parsed = RunLogParser.Parse(run.TaskName, run.Id, bytes, store.Describe, problems);
        return new CachedRun(run.TaskName + "_" + run.Id, run.Stamp(), parsed, problems);
    }

    /// <summary>
    /// Every object of the workspace. A local workspace is listed folder by folder in parallel (each log kind and each
    /// top-level output folder is its own listing), which halves a warm scan on two cores: the time is the kernel's
    /// stat of every file, not ours. Other stores list once.
    /// </summary>
    private static async Task<List<StoreEntry>> ListAllAsync(IWorkspaceStore store, int parallelism, CancellationToken cancellationToken)
    {
        var all = new List<StoreEntry>();
        if (store is not LocalFileStore local || !Directory.Exists(local.Root))
        {
            await foreach (var entry in store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
            {
                all.Add(entry);
            }

            return all;
        }

        var root = local.Root;
        var prefixes = Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>()
            .SelectMany(d => d == "log" ? Directory.EnumerateDirectories(Path.Combine(root, d)).Select(k => $"log/{Path.GetFileName(k)}/") : [d + "/"])
            .ToList();
        var parts = new List<StoreEntry>[prefixes.Count];
        await Parallel.ForAsync(0, prefixes.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var part = new List<StoreEntry>();
            if (IsUnstampedLogFolder(prefixes[i]))
            {
                part.AddRange(LocalNames.List(root, prefixes[i], ct));
                parts[i] = part;
                return;
            }

            await foreach (var entry in store.ListAsync(prefixes[i], ct).ConfigureAwait(false))
            {
                part.Add(entry);
            }

            parts[i] = part;
        }).ConfigureAwait(false);
        foreach (var file in Directory.EnumerateFiles(root))
        {
            var name = Path.GetFileName(file);
            if (!name.Contains(".gokart-tmp-", StringComparison.Ordinal))
            {
                var info = new FileInfo(file);
                all.Add(new StoreEntry(name, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)));
            }
        }

        foreach (var part in parts)
        {
            all.AddRange(part);
        }

        return all;
    }

    /// <summary>
    /// On a local workspace only task_log is stat-ed (size and time): the engine rewrites all five logs of a run
    /// together, task_log after processing_time and random_seed, and task_params is a function of the id, so a
    /// new task_log stamp (or a log file appearing or vanishing) marks every changed run. A warm listing then
    /// stats two files per run (task_log and the output) instead of six. A hand edit of another log that keeps
    /// task_log untouched is not seen on a local folder; other stores stamp every parsed log.
    /// </summary>
    private static bool IsUnstampedLogFolder(string prefix) =>
        prefix.StartsWith(LogFileName.Root, StringComparison.Ordinal) && prefix != LogFileName.Root + LogFileName.TaskLog + "/";

    /// <summary>A run with no task_log (crashed, or an old layout) is stamped by its other parsed logs instead.</summary>
    private static void StampRunsWithoutTaskLog(string root, IEnumerable<RunFiles> runs)
    {
        foreach (var run in runs)
        {
            if (run.Has(LogFileName.TaskLog))
            {
                continue;
            }

            foreach (var kind in LogFileName.Parsed)
            {
                if (run.Has(kind))
                {
                    var path = LogFileName.PathOf(kind, run.TaskName, run.Id);
                    var info = new FileInfo(Path.Combine(root, path));
                    if (info.Exists)
                    {
                        run.Add(kind, new StoreEntry(path, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)));
                    }
                }
            }
        }
    }

    /// <summary>How the store spells the workspace root (<c>resources/</c>, <c>s3://b/p/</c>); stores reject an empty path.</summary>
    public static string DescribePrefix(IWorkspaceStore store) => store.Describe("x")[..^1];

    /// <summary>Each output's workspace path (recorded, or found from the recorded location) and its size if it exists.</summary>
    private static TaskRun WithOutputs(TaskRun run, Dictionary<string, long> files, string prefix)
    {
        if (run.Outputs.Count == 0)
        {
            return run;
        }

        var outputs = new RunOutput[run.Outputs.Count];
        for (var i = 0; i < outputs.Length; i++)
        {
            var output = run.Outputs[i];
            var path = output.Path ?? RelativePath(output.Location, files, prefix);
            outputs[i] = output with { Path = path, Size = path is not null && files.TryGetValue(path, out var size) ? size : null };
        }

        return run with { Outputs = outputs };
    }

    /// <summary>
    /// Logs written before output_paths only name the location as the store described it then: strip this
    /// workspace's prefix, else find the longest '/'-suffix that is a file here (the workspace was moved).
    /// </summary>
    private static string? RelativePath(string location, Dictionary<string, long> files, string prefix)
    {
        if (prefix.Length > 0 && location.StartsWith(prefix, StringComparison.Ordinal) && location.Length > prefix.Length)
        {
            return location[prefix.Length..].TrimStart('/');
        }

        for (var slash = location.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = location.IndexOf('/', slash + 1))
        {
            var candidate = location[(slash + 1)..];
            if (files.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed class RunFiles(string taskName, string id)
    {
        // Size and time per kind (index into LogFileName.All); paths are rebuilt from name and id when needed.
        private readonly long[] _sizes = [-1, -1, -1, -1, -1];
        private readonly long[] _ticks = [-1, -1, -1, -1, -1];

        public string TaskName { get; } = taskName;

        public string Id { get; } = id;

        public int Mask { get; private set; }

        public bool HasParsedLogs => (Mask & ~1) != 0;

        public void Add(string kind, StoreEntry entry)
        {
            var i = Array.IndexOf(LogFileName.All, kind);
            _sizes[i] = entry.Size;
            _ticks[i] = entry.LastModified.UtcTicks;
            Mask |= 1 << i;
        }

        public bool Has(string kind) => (Mask & (1 << Array.IndexOf(LogFileName.All, kind))) != 0;

        public long Size(string kind) => _sizes[Array.IndexOf(LogFileName.All, kind)];

        /// <summary>
        /// Which log files exist, then size and time of each parsed kind (module_versions is not parsed, so not
        /// stamped; a local listing leaves all but task_log unstamped, see <see cref="IsUnstampedLogFolder"/>).
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
    }
}
