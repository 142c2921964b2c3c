namespace GoKart.Execution;

/// <summary>File-name rules shared by targets and logs.</summary>
internal static class TargetPaths
{
    private static readonly string[] CompressionSuffixes = [".gz", ".bz2", ".xz", ".zst"];

    /// <summary>
    /// <c>dir/name.ext</c> to <c>dir/name_&lt;id&gt;.ext</c>; a compression suffix stays with its inner extension
    /// (<c>a.csv.gz</c> to <c>a_&lt;id&gt;.csv.gz</c>), where gokart would write <c>a.csv_&lt;id&gt;.gz</c>.
    /// </summary>
    public static string InsertUniqueId(string path, string uniqueId)
    {
        var slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        var compression = CompressionOf(name);
        var core = compression is null ? name : name[..^compression.Length];
        var dot = core.LastIndexOf('.');
        var stem = dot > 0 ? core[..dot] : core;
        var extension = (dot > 0 ? core[dot..] : string.Empty) + (compression is null ? string.Empty : name[^compression.Length..]);
        return path[..(slash + 1)] + stem + "_" + uniqueId + extension;
    }

    // A loop, not LINQ: this runs for every target, and is what loaded System.Linq into a fresh process's first load (issue 18).
    private static string? CompressionOf(string name)
    {
        foreach (var suffix in CompressionSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
            {
                return suffix;
            }
        }

        return null;
    }

    /// <summary><c>log/&lt;kind&gt;/&lt;ClassName&gt;_&lt;id&gt;.&lt;ext&gt;</c>.</summary>
    public static string LogPath(string kind, string className, string uniqueId, string extension) =>
        $"log/{kind}/{className}_{uniqueId}.{extension}";
}
