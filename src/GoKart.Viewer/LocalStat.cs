using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace GoKart.Viewer;

/// <summary>
/// Size and modification time of local files without a <see cref="FileInfo"/> per file. On Linux it calls statx
/// relative to an open folder (one short path look-up, no full path string, no objects); a file's stamp taken
/// from an open descriptor costs no look-up at all. Elsewhere, or without statx, it falls back to
/// <see cref="FileInfo"/>. Times are in the ticks <see cref="FileSystemInfo.LastWriteTimeUtc"/> gives, so stamps taken
/// either way compare equal. Follows symbolic links, as <see cref="FileInfo"/> does.
/// </summary>
internal sealed partial class LocalStat : IDisposable
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const int StatxTypeSizeMtime = 0x1 | 0x200 | 0x40; // STATX_TYPE | STATX_SIZE | STATX_MTIME
    private const int StatxSize = 256;
    private const int FileTypeMask = 0xF000;
    private const int FolderType = 0x4000;
    private const int ReadOnlyCloseOnExec = 0x0010; // PAL_O_RDONLY | PAL_O_CLOEXEC (System.Native's flag values)
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly string _folder;
    private nint _fd = -1;

    /// <summary>Opens <paramref name="folder"/> for look-ups relative to it (the managed fallback joins paths instead).</summary>
    public LocalStat(string folder)
    {
        _folder = folder;
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            var name = Encoding.UTF8.GetBytes(folder + "\0");
            var fd = LogFileReader.OpenNative(ref name[0], ReadOnlyCloseOnExec);
            if (fd >= 0 && Probe(fd))
            {
                _fd = fd;
            }
            else if (fd >= 0)
            {
                _ = LogFileReader.CloseNative(fd);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Managed look-ups.
        }
    }

    /// <summary>A file's size and modification ticks; false when it is missing or a folder (as <see cref="FileInfo.Exists"/>).</summary>
    public bool TryStat(ReadOnlySpan<char> relativePath, out long size, out long ticks)
    {
        if (_fd < 0)
        {
            var info = new FileInfo(Path.Join(_folder, relativePath));
            var exists = info.Exists;
            size = exists ? info.Length : 0;
            ticks = exists ? info.LastWriteTimeUtc.Ticks : 0;
            return exists;
        }

        var max = Encoding.UTF8.GetMaxByteCount(relativePath.Length) + 1;
        byte[]? rented = null;
        Span<byte> name = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(relativePath, name);
            name[length] = 0;
            return StatAt(_fd, ref name[0], 0, out size, out ticks, fileOnly: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A run log's stamp (<c>log/&lt;kind&gt;/&lt;Task&gt;_&lt;id&gt;.&lt;ext&gt;</c>, relative to the workspace folder), with no path string made.</summary>
    public bool TryStatLog(int kind, string taskName, string id, out long size, out long ticks)
    {
        var folder = LogFileName.All[kind];
        var extension = kind == 0 ? ".txt" : ".json";
        var length = LogFileName.Root.Length + folder.Length + 1 + taskName.Length + 1 + id.Length + extension.Length;
        char[]? rented = null;
        Span<char> path = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var at = 0;
            foreach (var part in (ReadOnlySpan<string>)[LogFileName.Root, folder, "/", taskName, "_", id, extension])
            {
                part.CopyTo(path[at..]);
                at += part.Length;
            }

            return TryStat(path[..length], out size, out ticks);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Stamps an open descriptor (a file just opened to be read): no path look-up.</summary>
    public static bool TryStatDescriptor(nint fd, out long size, out long ticks)
    {
        byte empty = 0;
        return StatAt(fd, ref empty, AtEmptyPath, out size, out ticks, fileOnly: false);
    }

    /// <summary>Stamps a folder by its full path (a handful per scan).</summary>
    public static long FolderTicks(string path)
    {
        var info = new DirectoryInfo(path);
        return info.Exists ? info.LastWriteTimeUtc.Ticks : 0;
    }

    public void Dispose()
    {
        if (_fd >= 0)
        {
            _ = LogFileReader.CloseNative(_fd);
            _fd = -1;
        }
    }

    private static bool Probe(nint fd)
    {
        try
        {
            return TryStatDescriptor(fd, out _, out _);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static bool StatAt(nint fd, ref byte name, int flags, out long size, out long ticks, bool fileOnly)
    {
        Span<byte> buffer = stackalloc byte[StatxSize];
        if (Statx((int)fd, ref name, flags, StatxTypeSizeMtime, ref MemoryMarshal.GetReference(buffer)) != 0
            || (fileOnly && (MemoryMarshal.Read<ushort>(buffer[28..]) & FileTypeMask) == FolderType))
        {
            size = ticks = 0;
            return false;
        }

        // struct statx: stx_mode at 28, stx_size at 40, stx_mtime { s64 tv_sec; u32 tv_nsec } at 112 (the same on every architecture).
        size = MemoryMarshal.Read<long>(buffer[40..]);
        ticks = UnixEpochTicks + (MemoryMarshal.Read<long>(buffer[112..]) * TimeSpan.TicksPerSecond) + (MemoryMarshal.Read<uint>(buffer[120..]) / 100);
        return true;
    }

#pragma warning disable SYSLIB1054 // blittable, no unsafe code in this project (see LogFileReader)
    [DllImport("libc", EntryPoint = "statx", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, ref byte path, int flags, int mask, ref byte buffer);
#pragma warning restore SYSLIB1054
}
