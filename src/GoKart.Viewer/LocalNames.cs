using System.IO.Enumeration;
using GoKart.Storage;

namespace GoKart.Viewer;

/// <summary>
/// The files under a local folder by name only: no size or time is asked for, so on Linux and macOS the listing
/// is readdir alone, without a stat per file (entries carry size -1 and no time).
/// </summary>
internal static class LocalNames
{
    private const string TempMarker = ".gokart-tmp-"; // LocalFileStore.TempMarker (internal to GoKart)

    public static List<StoreEntry> List(string root, string prefix, CancellationToken cancellationToken)
    {
        var rootFull = Path.GetFullPath(root);
        var skip = rootFull.Length + (Path.EndsInDirectorySeparator(rootFull) ? 0 : 1);
        var start = Path.Combine(rootFull, prefix.TrimEnd('/'));
        var result = new List<StoreEntry>();
        if (!Directory.Exists(start))
        {
            return result;
        }

        var entries = new FileSystemEnumerable<string>(
            start,
            (ref FileSystemEntry entry) =>
            {
                var directory = entry.Directory;
                var relative = directory.Length > skip ? string.Concat(directory[skip..], "/", entry.FileName) : entry.FileName.ToString();
                return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace('\\', '/');
            },
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !entry.FileName.Contains(TempMarker, StringComparison.Ordinal),
        };
        foreach (var path in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new StoreEntry(path, -1, default));
        }

        return result;
    }
}
