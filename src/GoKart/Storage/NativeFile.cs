using System.Runtime.InteropServices;

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
    public static unsafe void Write(NativeFileHandle handle, ReadOnlySpan<byte> bytes, long offset, string path)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var descriptor = handle.DangerousGetHandle();
            fixed (byte* start = bytes)
            {
                var address = (nint)start;
                var count = bytes.Length;
                while (count > 0)
                {
                    var written = PWriteRaw(descriptor, address, count, offset);
                    if (written < 0)
                    {
                        var errno = Marshal.GetLastSystemError();
                        if (errno == EINTR)
                        {
                            continue;
                        }

                        throw Error(errno, path);
                    }

                    address += written;
                    count -= written;
                    offset += written;
                }
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Writes <paramref name="count"/> bytes of <paramref name="array"/> from <paramref name="start"/> at <paramref name="offset"/>.</summary>
    public static void Write(NativeFileHandle handle, byte[] array, int start, int count, long offset, string path) =>
        Write(handle, array.AsSpan(start, count), offset, path);

    /// <summary>Reads up to <paramref name="count"/> bytes into <paramref name="array"/> from <paramref name="start"/>; 0 at the end.</summary>
    public static int Read(NativeFileHandle handle, byte[] array, int start, int count, long offset, string path) =>
        Read(handle, array.AsSpan(start, count), offset, path);

    /// <summary>Reads up to <paramref name="buffer"/>'s length at <paramref name="offset"/> (<c>pread</c>); 0 at the end.</summary>
    public static unsafe int Read(NativeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var descriptor = handle.DangerousGetHandle();
            fixed (byte* address = buffer)
            {
                while (true)
                {
                    var read = PReadRaw(descriptor, (nint)address, buffer.Length, offset);
                    if (read >= 0)
                    {
                        return read;
                    }

                    var errno = Marshal.GetLastSystemError();
                    if (errno != EINTR)
                    {
                        throw Error(errno, path);
                    }
                }
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>The file's size (<c>lseek</c> to the end; the position of the descriptor is never used for I/O).</summary>
    public static long Length(NativeFileHandle handle, string path)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var end = LSeekRaw(handle.DangerousGetHandle(), 0, 2);
            return end >= 0 ? end : throw Error(Marshal.GetLastSystemError(), path);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
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
        var fromNative = Utf8(from);
        var toNative = nint.Zero;
        try
        {
            toNative = Utf8(to);
            if (RenameRaw(fromNative, toNative) != 0)
            {
                throw Error(Marshal.GetLastSystemError(), to);
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem(fromNative);
            Marshal.FreeCoTaskMem(toNative);
        }
    }

    internal static bool CloseDescriptor(nint descriptor) => CloseRaw(descriptor) == 0;

    private static NativeFileHandle OpenOrThrow(string path, int flags)
    {
        var native = Utf8(path);
        try
        {
            nint descriptor;
            int errno;
            do
            {
                descriptor = OpenRaw(native, flags, DefaultPermissions);
                errno = descriptor < 0 ? Marshal.GetLastSystemError() : 0;
            }
            while (descriptor < 0 && errno == EINTR);

            return descriptor >= 0 ? new NativeFileHandle(descriptor) : throw Error(errno, path);
        }
        finally
        {
            Marshal.FreeCoTaskMem(native);
        }
    }

    /// <summary>The path as a NUL-terminated UTF-8 string in native memory (free it with <c>FreeCoTaskMem</c>).</summary>
    private static nint Utf8(string path)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path '{path.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a NUL character.", nameof(path));
        }

        return Marshal.StringToCoTaskMemUTF8(path);
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

    // DllImport rather than LibraryImport: the signatures are blittable, so the generated code would be this call.
    //
    // The *Raw calls are the ones loads and builds make for every file: only primitives (descriptors, addresses of
    // pinned memory) and no SetLastError, which is what crossgen2 needs to precompile a call into GoKart's image. With
    // a SafeHandle, a by-ref or SetLastError the runtime JIT-compiles an IL stub per signature at full optimisation in
    // every fresh process (four of them were 1-2 ms of a 1-task build, issue 18 start-up). The handle is kept alive
    // around each call by DangerousAddRef; errno is read with Marshal.GetLastSystemError straight after the call, as
    // LibraryImport's generated code reads it. FTruncate keeps the SafeHandle form: it is not on any first-call path.
#pragma warning disable SYSLIB1054
    [DllImport(SystemNative, EntryPoint = "SystemNative_Open", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint OpenRaw(nint path, int flags, int mode);

    [DllImport(SystemNative, EntryPoint = "SystemNative_PWrite", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int PWriteRaw(nint descriptor, nint buffer, int count, long offset);

    [DllImport(SystemNative, EntryPoint = "SystemNative_PRead", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int PReadRaw(nint descriptor, nint buffer, int count, long offset);

    [DllImport(SystemNative, EntryPoint = "SystemNative_Rename", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int RenameRaw(nint from, nint to);

    [DllImport(SystemNative, EntryPoint = "SystemNative_Close", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int CloseRaw(nint descriptor);

    [DllImport(SystemNative, EntryPoint = "SystemNative_LSeek", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern long LSeekRaw(nint descriptor, long offset, int whence);

    [DllImport(SystemNative, EntryPoint = "SystemNative_FTruncate", SetLastError = true, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FTruncate(NativeFileHandle handle, long length);
#pragma warning restore SYSLIB1054
}
