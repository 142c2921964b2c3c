using System.Security.Cryptography;
using System.Text;

namespace GoKart.Viewer;

/// <summary>
/// What the listing parsed last time, per run, with the stamp of the log files it came from (which exist, and
/// their sizes and modification times; on a local folder task_log's only): a run whose stamp is unchanged is
/// not read again. One binary file per workspace in the user's cache
/// directory (never inside the workspace), written atomically; a damaged or older-format file is ignored.
/// </summary>
internal sealed class RunCache
{
    // Version 6: string table + fixed-width runs, folder stamps (version 5 and older are ignored: no prefix match).
    private const string Magic = "gokart-run-index-6\n";

    public RunCache(string file) => File = file;

    public string File { get; }

    public static RunCache For(string cacheDirectory, string workspaceLocation)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workspaceLocation)))[..24];
        return new RunCache(Path.Combine(cacheDirectory, key + ".bin"));
    }

    /// <summary>The default cache directory: $XDG_CACHE_HOME or ~/.cache (LocalApplicationData on Windows), then gokart/index.</summary>
    public static string DefaultDirectory()
    {
        var root = OperatingSystem.IsWindows()
            ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "gokart", "index");
    }

    /// <summary>The folder stamps and runs of the last scan; empty when there is none, or it is damaged or of another version.</summary>
    public Contents Load()
    {
        try
        {
            // One read of the whole file, then decoding from memory.
            var bytes = System.IO.File.ReadAllBytes(File);
            var magic = Encoding.UTF8.GetBytes(Magic);
            if (!bytes.AsSpan().StartsWith(magic))
            {
                return Contents.Empty;
            }

            return RunCodec.Read(bytes.AsSpan(magic.Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            // A missing or damaged cache only means reading the logs again.
            return Contents.Empty;
        }
    }

    public void Save(Contents contents)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            var temp = File + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(Encoding.UTF8.GetBytes(Magic));
                RunCodec.Write(stream, contents);
            }

            System.IO.File.Move(temp, File, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unwritable cache directory makes the next listing slower, not wrong.
        }
    }

    /// <summary>What a scan keeps: the log folder stamps (local workspaces), the runs, and the problems of files inside the log folders.</summary>
    internal sealed record Contents(
        long[] FolderTimes,
        IReadOnlyList<RunRecord> Runs,
        IReadOnlyList<(int Kind, LogProblem Problem)> FolderProblems,
        Dictionary<string, long> OutputFolderTimes)
    {
        public static readonly Contents Empty = new([], [], [], new Dictionary<string, long>());
    }
}
