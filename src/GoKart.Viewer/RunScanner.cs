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
        await foreach (var entry in store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
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
        var list = new List<TaskRun>(all.Count);
        foreach (var entry in all)
        {
            problems.AddRange(entry.Problems);
            var run = WithOutputs(entry.Run, files, prefix) with { LogPaths = runs[entry.Key].Paths() };
            list.Add(run with { Namespace = RunLogParser.NamespaceOf(run) });
        }

        problems.Sort((a, b) => string.CompareOrdinal(a.Location, b.Location));
        return new WorkspaceRuns(list, problems);
    }

    private static async Task<CachedRun> ReadAsync(IWorkspaceStore store, RunFiles run, CancellationToken cancellationToken)
    {
        var problems = new List<LogProblem>();
        var bytes = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var (kind, entry) in run.Entries)
        {
            if (kind == LogFileName.ModuleVersions)
            {
                continue;
            }

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
        public string TaskName { get; } = taskName;

        public string Id { get; } = id;

        public Dictionary<string, StoreEntry> Entries { get; } = new(StringComparer.Ordinal);

        public bool HasParsedLogs => LogFileName.Parsed.Any(Entries.ContainsKey);

        public void Add(string kind, StoreEntry entry) => Entries[kind] = entry;

        public long[] Stamp()
        {
            var stamp = new long[LogFileName.Parsed.Length * 2];
            for (var i = 0; i < LogFileName.Parsed.Length; i++)
            {
                var found = Entries.TryGetValue(LogFileName.Parsed[i], out var entry);
                stamp[2 * i] = found ? entry.Size : -1;
                stamp[(2 * i) + 1] = found ? entry.LastModified.UtcTicks : -1;
            }

            return stamp;
        }

        public string[] Paths() => [.. Entries.Values.Select(e => e.Path).Order(StringComparer.Ordinal)];
    }
}
