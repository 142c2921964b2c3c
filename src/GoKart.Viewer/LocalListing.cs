using System.IO.Enumeration;

namespace GoKart.Viewer;

/// <summary>
/// Lists the run logs of a local workspace with as few system calls as the cache allows.
/// <list type="bullet">
/// <item>A log kind folder whose modification time equals the one cached (and was at least
/// <see cref="Settle"/> old when cached) holds the same file names as then: creating, deleting or renaming a file
/// changes its folder's time. Its names are taken from the cache, not read again.</item>
/// <item>Any other log folder is read by name only (readdir, no stat).</item>
/// <item>Only task_log is stamped per run (its size and time): the engine rewrites all five logs of a run together,
/// task_log after processing_time and random_seed, and task_params is a function of the id. A hand edit of another
/// log that keeps task_log untouched is not seen on a local folder (other stores stamp every parsed log). A run
/// without task_log is stamped by its other parsed logs. A run the cache holds is stamped here (statx relative to
/// the folder, on many threads); a new run is stamped by <see cref="RunScanner"/> from the task_log it opens to
/// read, so a cold scan stats no log file by name.</item>
/// </list>
/// A folder with subfolders is never trusted (a change inside a subfolder does not touch the folder's time).
/// </summary>
internal static class LocalListing
{
    /// <summary>A folder time this recent is not trusted: a change in the same clock tick would not move it.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private const string TempMarker = ".gokart-tmp-"; // LocalFileStore.TempMarker (internal to GoKart)

    public static ScanListing List(string root, Func<string, string> describe, RunCache.Contents cached, int threads, CancellationToken cancellationToken)
    {
        var logRoot = Path.Join(Path.GetFullPath(root), "log");
        var settled = DateTime.UtcNow.Ticks - Settle.Ticks;
        var kinds = LogFileName.All.Length;
        var listing = new ScanListing { FolderTimes = new long[kinds] };
        var unchanged = new bool[kinds];
        for (var k = 0; k < kinds; k++)
        {
            var folder = new DirectoryInfo(Path.Join(logRoot, LogFileName.All[k]));
            var time = folder.Exists ? folder.LastWriteTimeUtc.Ticks : 0;
            unchanged[k] = time != 0 && cached.FolderTimes.Length == kinds && cached.FolderTimes[k] == time;
            listing.FolderTimes[k] = time < settled ? time : 0;
        }

        // Runs the cache knows, with the kinds whose folders did not change.
        foreach (var record in cached.Runs)
        {
            var run = listing.Add(record.TaskName, record.Id);
            run.Cached = record;
            var mask = record.Stamp.Length > 0 ? (int)record.Stamp[^1] : 0;
            for (var k = 0; k < kinds; k++)
            {
                if (unchanged[k] && (mask & (1 << k)) != 0)
                {
                    run.Add(k, -1, 0);
                }
            }
        }

        foreach (var (kind, problem) in cached.FolderProblems)
        {
            if (unchanged[kind])
            {
                listing.FolderProblems.Add((kind, problem));
            }
        }

        var names = new StringPool();
        for (var k = 0; k < kinds; k++)
        {
            if (!unchanged[k] && ListKind(logRoot, k, listing, names, describe))
            {
                listing.FolderTimes[k] = 0;
            }
        }

        ListForeign(logRoot, listing, describe);
        var runs = listing.Runs.ToArray();
        foreach (var run in runs)
        {
            if (run.Cached is null)
            {
                // New runs: the kinds whose folders were not listed are asked for one by one.
                for (var k = 0; k < kinds; k++)
                {
                    if (unchanged[k] && File.Exists(Path.Join(root, LogFileName.PathOf(k, run.TaskName, run.Id))))
                    {
                        run.Add(k, -1, 0);
                    }
                }
            }
        }

        using (var stat = new LocalStat(Path.GetFullPath(root)))
        {
            StampTaskLogs(stat, runs, threads, cancellationToken);
            foreach (var run in runs)
            {
                if (run.Mask != 0 && !run.Has(LogFileName.TaskLogIndex))
                {
                    StampOtherLogs(stat, run);
                }
            }
        }

        listing.FoldersChanged = !listing.FolderTimes.AsSpan().SequenceEqual(cached.FolderTimes);
        return listing;
    }

    /// <summary>Reads one kind folder by name; true when it has subfolders.</summary>
    private static bool ListKind(string logRoot, int kind, ScanListing listing, StringPool names, Func<string, string> describe)
    {
        var folder = Path.Join(logRoot, LogFileName.All[kind]);
        if (!Directory.Exists(folder))
        {
            return false;
        }

        var nested = false;
        var lookup = listing.ByKey.GetAlternateLookup<ReadOnlySpan<char>>();
        var entries = new FileSystemEnumerable<bool>(
            folder,
            (ref FileSystemEntry entry) =>
            {
                var file = entry.FileName;
                if (entry.Directory.Length != folder.Length)
                {
                    nested = true;
                    var relative = $"log/{LogFileName.All[kind]}{entry.Directory[folder.Length..].ToString().Replace('\\', '/')}/{file}";
                    listing.FolderProblems.Add((kind, new LogProblem(describe(relative), "not a run log (expected log/<kind>/<Task>_<id>.<ext>)")));
                    return false;
                }

                if (!LogFileName.TryParseName(kind, file, out var underscore, out var dot, out var reason))
                {
                    listing.FolderProblems.Add((kind, new LogProblem(describe($"log/{LogFileName.All[kind]}/{file}"), reason)));
                    return false;
                }

                if (!lookup.TryGetValue(file[..dot], out var run))
                {
                    run = listing.GetOrAdd(names.Intern(file[..underscore]), file[(underscore + 1)..dot].ToString());
                }

                run.Add(kind, -1, 0);
                return true;
            },
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !entry.FileName.Contains(TempMarker, StringComparison.Ordinal),
        };
        foreach (var _ in entries)
        {
        }

        return nested;
    }

    /// <summary>Files under log/ outside the five kind folders: each is a problem (listed every time; there are few).</summary>
    private static void ListForeign(string logRoot, ScanListing listing, Func<string, string> describe)
    {
        if (!Directory.Exists(logRoot))
        {
            return;
        }

        foreach (var entry in new DirectoryInfo(logRoot).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo && Array.IndexOf(LogFileName.All, entry.Name) >= 0)
            {
                continue;
            }

            var files = entry is DirectoryInfo folder
                ? folder.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                : [(FileInfo)entry];
            foreach (var file in files)
            {
                var relative = "log/" + Path.GetRelativePath(logRoot, file.FullName).Replace('\\', '/');
                if (!LogFileName.TryParse(relative, out _, out _, out _, out var reason))
                {
                    listing.Problems.Add(new LogProblem(describe(relative), reason));
                }
            }
        }
    }

    /// <summary>Size and time of the task_log of each run the cache holds (one stat each, on many threads); a new run is stamped when read.</summary>
    private static void StampTaskLogs(LocalStat stat, RunFiles[] runs, int threads, CancellationToken cancellationToken) =>
        IoWorkers.For(runs.Length, threads, i =>
        {
            var run = runs[i];
            if (run.Cached is null || !run.Has(LogFileName.TaskLogIndex))
            {
                return;
            }

            if (stat.TryStatLog(LogFileName.TaskLogIndex, run.TaskName, run.Id, out var size, out var ticks))
            {
                run.Add(LogFileName.TaskLogIndex, size, ticks);
            }
            else
            {
                run.Remove(LogFileName.TaskLogIndex);
            }
        }, cancellationToken);

    /// <summary>A run with no task_log (crashed, or an old layout) is stamped by its other parsed logs instead.</summary>
    private static void StampOtherLogs(LocalStat stat, RunFiles run)
    {
        for (var k = 1; k < LogFileName.All.Length; k++)
        {
            if (run.Has(k) && stat.TryStatLog(k, run.TaskName, run.Id, out var size, out var ticks))
            {
                run.Add(k, size, ticks);
            }
        }
    }
}
