using GoKart.Storage;

namespace GoKart.Ui;

/// <summary>
/// Which paths the page may read: workspace- or folder-relative, no <c>..</c>, <c>.</c> or empty segment, not
/// absolute, and on a local disk no symbolic link on the way that leads out of the root. Anything else is a 404.
/// </summary>
internal static class SafePaths
{
    public static bool IsRelative(string? path) =>
        !string.IsNullOrEmpty(path) && !path.Contains("://", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
        && !path.Contains('\0', StringComparison.Ordinal) && !Path.IsPathRooted(path) && !path.StartsWith('/')
        && !(path.Length >= 2 && path[1] == ':') /* a drive letter, rooted on Windows whatever the server runs on */
        && !path.Split('/').Any(part => part is ".." or "." or "");

    /// <summary>Whether the store may serve the path (for a local folder: the real file lies inside the real root).</summary>
    public static bool IsInside(IWorkspaceStore store, string? path) =>
        IsRelative(path) && (store is not LocalFileStore local || ResolvesInside(local.Root, path!));

    /// <summary>The full path of a file under a local folder, or null when the path is not allowed.</summary>
    public static string? Under(string root, string? path) =>
        IsRelative(path) && ResolvesInside(root, path!) ? Path.Combine(Path.GetFullPath(root), path!) : null;

    private static bool ResolvesInside(string root, string relative)
    {
        var realRoot = Real(Path.GetFullPath(root));
        var current = realRoot;
        foreach (var part in relative.Split('/'))
        {
            current = Real(Path.Combine(current, part));
            if (!IsWithin(realRoot, current))
            {
                return false;
            }
        }

        return true;
    }

    private static string Real(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return Path.GetFullPath(path);
        }

        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? Path.GetFullPath(path) : Path.GetFullPath(target.FullName);
    }

    private static bool IsWithin(string root, string path) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
