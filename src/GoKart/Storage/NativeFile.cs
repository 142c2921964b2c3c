using System.Runtime.InteropServices;
using System.Text;

namespace GoKart.Storage;

/// <summary>
/// Opens, writes and reads workspace files with the plain system calls, on Linux and macOS. .NET's own file handles
/// take an advisory <c>flock</c> on every open and release it on close, <c>fstat</c> the new descriptor, truncate with
/// <c>ftruncate</c> after the lock instead of <c>O_TRUNC</c>, and probe seekability with <c>lseek</c>: about 30 of
/// the 55 system calls a task of a cold chain made (strace in bench/README.md). No <see cref="FileShare"/> value skips
/// the lock, and the switch that does (<c>System.IO.DisableFileLocking</c>) is process-wide, which a library must not
/// set for its user; so the local store opens its own files here. A workspace file is only ever written through a
/// fresh temporary name or rewritten whole, so the lock protected nothing the store relies on.
/// </summary>
/// <remarks>
/// The functions are the runtime's own thin wrappers in libSystem.Native (portable flag values, an errno on failure),
/// which ship with every .NET runtime and are linked statically into Native AOT programs.
/// </remarks>
internal static class NativeFile
{
    private const string SystemNative = "libSystem.Native";

    // libSystem.Native's portable open flags (PAL_O_*), the same on every Unix.
    private const int ReadOnly = 0x0000;
    private const int WriteOnly = 0x0001;
    private const int CloseOnExec = 0x0010;
    private const int Create = 0x0020;
    private const int Exclusive = 0x0040;
    private const int Truncate = 0x0080;

    // rw-rw-rw- less the umask, as .NET creates files.
    private const int DefaultPermissions = 0x1B6;

    // errno values that are the same on Linux and macOS.
    private const int ENOENT = 2;
    private const int EINTR = 4;
    private const int EACCES = 13;
    private const int EEXIST = 17;
    private const int EPERM = 1;

    /// <summary>True where these calls are used; elsewhere the store falls back to <see cref="FileStream"/>.</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Creates <paramref name="path"/> for writing: a new file only (<c>O_EXCL</c>), or truncated at open.</summary>
    public static NativeFileHandle OpenWrite(string path, bool createNew) =>
        OpenOrThrow(path, WriteOnly | CloseOnExec | Create | (createNew ? Exclusive : Truncate));

    /// <summary>Opens an existing file for reading.</summary>
    public static NativeFileHandle OpenRead(string path) => OpenOrThrow(path, ReadOnly | CloseOnExec);

    /// <summary>Writes all of <paramref name="bytes"/> at <paramref name="offset"/> (<c>pwrite</c>, no seek).</summary>
    public static void Write(NativeFileHandle handle, ReadOnlySpan<byte> bytes, long offset, string path)
    {
        while (!bytes.IsEmpty)
        {
            var written = PWrite(handle, ref MemoryMarshal.GetReference(bytes), bytes.Length, offset);
            if (written < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == EINTR)
                {
                    continue;
                }

                throw Error(errno, path);
            }

            bytes = bytes[written..];
            offset += written;
        }
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length at <paramref name="offset"/> (<c>pread</c>); 0 at the end.</summary>
    public static int Read(NativeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            var read = PRead(handle, ref MemoryMarshal.GetReference(buffer), buffer.Length, offset);
            if (read >= 0)
            {
                return read;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != EINTR)
            {
                throw Error(errno, path);
            }
        }
    }

    /// <summary>The file's size (<c>lseek</c> to the end; the position of the descriptor is never used for I/O).</summary>
    public static long Length(NativeFileHandle handle, string path)
    {
        var end = LSeek(handle, 0, 2);
        return end >= 0 ? end : throw Error(Marshal.GetLastPInvokeError(), path);
    }

    /// <summary>Sets the file's size (<c>ftruncate</c>).</summary>
    public static void SetLength(NativeFileHandle handle, long length, string path)
    {
        if (FTruncate(handle, length) != 0)
        {
            throw Error(Marshal.GetLastPInvokeError(), path);
        }
    }

    /// <summary>Renames over any existing file at <paramref name="to"/> (<c>rename</c>, atomic on one file system).</summary>
    public static void Rename(string from, string to)
    {
        if (RenameNative(ref Utf8(from)[0], ref Utf8(to)[0]) != 0)
        {
            throw Error(Marshal.GetLastPInvokeError(), to);
        }
    }

    internal static bool CloseDescriptor(nint descriptor) => CloseNative(descriptor) == 0;

    private static NativeFileHandle OpenOrThrow(string path, int flags)
    {
        var bytes = Utf8(path);
        nint descriptor;
        do
        {
            descriptor = Open(ref bytes[0], flags, DefaultPermissions);
        }
        while (descriptor < 0 && Marshal.GetLastPInvokeError() == EINTR);

        return descriptor >= 0 ? new NativeFileHandle(descriptor) : throw Error(Marshal.GetLastPInvokeError(), path);
    }

    private static byte[] Utf8(string path)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path '{path.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a NUL character.", nameof(path));
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    /// <summary>The exception .NET's own file APIs throw for the same errno, naming the file.</summary>
    private static Exception Error(int errno, string path)
    {
        var message = $"{Marshal.GetPInvokeErrorMessage(errno)}: '{path}'";
        return errno switch
        {
            ENOENT when Directory.Exists(Path.GetDirectoryName(path)) => new FileNotFoundException(message, path),
            ENOENT => new DirectoryNotFoundException(message),
            EACCES or EPERM => new UnauthorizedAccessException(message),
            EEXIST => new IOException(message, errno),
            _ => new IOException(message, errno),
        };
    }

    // DllImport rather than LibraryImport: the signatures are blittable and the project does not allow unsafe code
    // (as Crc32). SafeHandle parameters keep the descriptor alive and unclosed for the duration of each call.
#pragma warning disable SYSLIB1054
    [DllImport(SystemNative, EntryPoint = "SystemNative_Open", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint Open(ref byte path, int flags, int mode);

    [DllImport(SystemNative, EntryPoint = "SystemNative_PWrite", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int PWrite(NativeFileHandle handle, ref byte buffer, int count, long offset);

    [DllImport(SystemNative, EntryPoint = "SystemNative_PRead", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int PRead(NativeFileHandle handle, ref byte buffer, int count, long offset);

    [DllImport(SystemNative, EntryPoint = "SystemNative_LSeek", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern long LSeek(NativeFileHandle handle, long offset, int whence);

    [DllImport(SystemNative, EntryPoint = "SystemNative_FTruncate", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FTruncate(NativeFileHandle handle, long length);

    [DllImport(SystemNative, EntryPoint = "SystemNative_Rename", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int RenameNative(ref byte from, ref byte to);

    [DllImport(SystemNative, EntryPoint = "SystemNative_Close", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int CloseNative(nint descriptor);
#pragma warning restore SYSLIB1054
}
