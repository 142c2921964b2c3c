using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using GoKart.Storage;

namespace GoKart.Viewer;

/// <summary>
/// Lists a workspace's run logs, reads those the cache does not already hold (in parallel), and checks every
/// recorded output's size. Never opens an output. A local workspace takes <see cref="LocalListing"/> and one stat
/// per output; other stores are listed whole once (<see cref="StoreListing"/>) and outputs are found in that listing.
/// </summary>
internal static class RunScanner
{
    public static async Task<WorkspaceRuns> ScanAsync(IWorkspaceStore store, RunCache? cache, int parallelism, CancellationToken cancellationToken, Action<string>? trace = null)
    {
        var watch = Stopwatch.StartNew();
        void Mark(string phase)
        {
            trace?.Invoke($"{phase} {watch.Elapsed.TotalSeconds:0.000}");
            watch.Restart();
        }

        var cached = cache?.Load() ?? RunCache.Contents.Empty;
        Mark("cache load");
        var local = store as LocalFileStore;
        ScanListing listing;
        Dictionary<string, long>? files = null;
        if (local is not null && Directory.Exists(local.Root))
        {
            listing = LocalListing.List(local.Root, store.Describe, cached, parallelism, cancellationToken);
        }
        else
        {
            local = null;
            (listing, files) = await StoreListing.ListAsync(store, cached, cancellationToken).ConfigureAwait(false);
        }

        Mark("list");
        var kept = new List<RunRecord>(listing.Runs.Count);
        var masks = new List<int>(listing.Runs.Count);
        var toRead = new List<RunFiles>();
        foreach (var run in listing.Runs)
        {
            if (!run.HasParsedLogs)
            {
                continue;
            }

            if (run.Cached is { } record && run.Matches(record.Stamp))
            {
                kept.Add(record);
                masks.Add(run.Mask);
            }
            else
            {
                toRead.Add(run);
            }
        }

        var read = new RunRecord[toRead.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        if (local is not null)
        {
            var root = local.Root;
            IoWorkers.For(read.Length, parallelism, i => read[i] = ReadLocal(root, store.Describe, toRead[i]), cancellationToken);
        }
        else
        {
            await Parallel.ForAsync(0, read.Length, options, async (i, ct) => read[i] = await ReadAsync(store, toRead[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        }

        kept.AddRange(read);
        foreach (var run in toRead)
        {
            masks.Add(run.Mask);
        }
        Mark("read " + toRead.Count);
        if (files is null && local is not null && NeedsListing(kept))
        {
            files = await StoreListing.ListOutputsAsync(store, cancellationToken).ConfigureAwait(false);
        }

        var runs = new TaskRun[kept.Count];
        var namespaces = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var sizesChanged = 0;
        Dictionary<string, long> folderTimes;
        using (var outputs = new OutputSizes(local?.Root, files, DescribePrefix(store), cached.OutputFolderTimes))
        {
            // Many threads: an output whose folder changed is stat'ed, and from a cold disk that waits on it.
            IoWorkers.For(runs.Length, parallelism, i =>
            {
                if (Build(kept[i], masks[i], outputs, namespaces, out runs[i]))
                {
                    Interlocked.Exchange(ref sizesChanged, 1);
                }
            }, cancellationToken);
            folderTimes = outputs.FolderTimes();
        }

        Mark("build");

        // Kept in the listing's order (end time, name, id), so that the next scan finds them sorted.
        var order = WorkspaceRuns.SortedOrder(runs);
        if (order is not null)
        {
            var (built, records) = (runs, kept);
            runs = Array.ConvertAll(order, i => built[i]);
            kept = [.. Array.ConvertAll(order, i => records[i])];
        }

        if (cache is not null && (toRead.Count > 0 || sizesChanged != 0 || cached.Runs.Count != kept.Count || listing.FoldersChanged
            || cached.FolderProblems.Count != listing.FolderProblems.Count || !SameTimes(cached.OutputFolderTimes, folderTimes)))
        {
            cache.Save(new RunCache.Contents(listing.FolderTimes, kept, listing.FolderProblems, folderTimes));
        }

        Mark("cache save");
        var problems = new List<LogProblem>(listing.Problems);
        foreach (var (_, problem) in listing.FolderProblems)
        {
            problems.Add(problem);
        }

        foreach (var record in kept)
        {
            problems.AddRange(record.Problems);
        }

        problems.Sort((a, b) => string.CompareOrdinal(a.Location, b.Location));
        var result = new WorkspaceRuns(runs, problems);
        Mark("index");
        return result;
    }

    /// <summary>How the store spells the workspace root (<c>resources/</c>, <c>s3://b/p/</c>); stores reject an empty path.</summary>
    public static string DescribePrefix(IWorkspaceStore store) => store.Describe("x")[..^1];

    private static bool SameTimes(Dictionary<string, long> before, Dictionary<string, long> now)
    {
        if (before.Count != now.Count)
        {
            return false;
        }

        foreach (var (folder, time) in now)
        {
            if (!before.TryGetValue(folder, out var old) || old != time)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether an output lacks a recorded workspace path (old logs): only then is the whole workspace listed.</summary>
    private static bool NeedsListing(List<RunRecord> records)
    {
        foreach (var record in records)
        {
            foreach (var output in record.Outputs)
            {
                if (output.Path is null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The public run, with each output's size now; true when a size differs from the cached one (the cache is rewritten).</summary>
    private static bool Build(RunRecord record, int mask, OutputSizes sizes, ConcurrentDictionary<string, string> namespaces, out TaskRun run)
    {
        var outputs = record.Outputs.Length == 0 ? [] : new RunOutput[record.Outputs.Length];
        var cachedSizes = record.OutputSizes.Length == outputs.Length ? record.OutputSizes : null;
        var changed = cachedSizes is null && outputs.Length > 0;
        for (var i = 0; i < outputs.Length; i++)
        {
            var (name, location, recorded) = record.Outputs[i];
            var path = recorded ?? sizes.RelativePath(location);
            var size = path is null ? null : sizes.SizeOf(path, cachedSizes?[i]);
            outputs[i] = new RunOutput(name, location, path, size);
            changed |= cachedSizes is not null && cachedSizes[i] != (size ?? -1);
        }

        if (changed)
        {
            record.OutputSizes = Array.ConvertAll(outputs, o => o.Size ?? -1);
        }

        var space = record.TypeName is { } type ? namespaces.GetOrAdd(type, t => RunLogParser.NamespaceOf(t, [])!) : RunLogParser.NamespaceOf(null, outputs);
        run = new TaskRun
        {
            Id = record.Id,
            TaskName = record.TaskName,
            TypeName = record.TypeName,
            Namespace = space,
            Parameters = record.Parameters,
            Start = record.Start,
            End = record.End,
            ProcessingTime = record.ProcessingTime,
            RandomSeed = record.RandomSeed,
            Outputs = outputs,
            Requires = record.Requires,
            LogMask = mask,
        };
        return changed;
    }

    /// <summary>Reads a run's parsed logs from a local folder: one open and a read or two each, into one pooled buffer.</summary>
    private static RunRecord ReadLocal(string root, Func<string, string> describe, RunFiles run)
    {
        var record = new RunRecord(run.TaskName, run.Id);
        var problems = new List<LogProblem>();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 14);
        try
        {
            for (var kind = 1; kind < LogFileName.All.Length; kind++)
            {
                if (!run.Has(kind))
                {
                    continue;
                }

                var path = LogFileName.PathOf(kind, run.TaskName, run.Id);
                int length;
                try
                {
                    // task_log is stamped from the file opened, before it is read (see LocalListing).
                    var stamp = kind == LogFileName.TaskLogIndex;
                    length = LogFileReader.Read(Path.Join(root, path), ref buffer, stamp, out var size, out var ticks);
                    if (stamp)
                    {
                        run.Add(kind, size, ticks);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(new LogProblem(describe(path), "unreadable: " + e.Message));
                    continue;
                }

                RunLogParser.Parse(record, kind, buffer.AsMemory(0, length), describe, path, problems);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        record.Stamp = run.Stamp();
        record.Problems = [.. problems];
        return record;
    }

    private static async Task<RunRecord> ReadAsync(IWorkspaceStore store, RunFiles run, CancellationToken cancellationToken)
    {
        var record = new RunRecord(run.TaskName, run.Id) { Stamp = run.Stamp() };
        var problems = new List<LogProblem>();
        for (var kind = 1; kind < LogFileName.All.Length; kind++)
        {
            if (!run.Has(kind))
            {
                continue;
            }

            var path = LogFileName.PathOf(kind, run.TaskName, run.Id);
            ReadOnlyMemory<byte> bytes;
            try
            {
                var stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    using var buffer = new MemoryStream(checked((int)Math.Max(run.Size(kind), 0)));
                    await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new LogProblem(store.Describe(path), "unreadable: " + e.Message));
                continue;
            }

            RunLogParser.Parse(record, kind, bytes, store.Describe, path, problems);
        }

        record.Problems = [.. problems];
        return record;
    }
}
