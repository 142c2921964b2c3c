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
    private const string Magic = "gokart-run-index-5";

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

    public Dictionary<string, CachedRun> Load()
    {
        var result = new Dictionary<string, CachedRun>(StringComparer.Ordinal);
        try
        {
            // One read of the whole file, then decoding from memory: no per-string read calls into the file.
            using var stream = new MemoryStream(System.IO.File.ReadAllBytes(File), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic)
            {
                return result;
            }

            var count = reader.ReadInt32();
            var pool = new StringPool();
            for (var i = 0; i < count; i++)
            {
                var entry = RunCodec.Read(reader, pool);
                result[entry.Key] = entry;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException)
        {
            // A missing or damaged cache only means reading the logs again.
            result.Clear();
        }

        return result;
    }

    public void Save(IReadOnlyCollection<CachedRun> runs)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            var temp = File + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(runs.Count);
                foreach (var run in runs)
                {
                    RunCodec.Write(writer, run);
                }
            }

            System.IO.File.Move(temp, File, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unwritable cache directory makes the next listing slower, not wrong.
        }
    }
}

/// <summary>A run as parsed from its logs, the stamp of those logs, and the problems they had.</summary>
internal sealed record CachedRun(string Key, long[] Stamp, TaskRun Run, IReadOnlyList<LogProblem> Problems);
