using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace GoKart.Viewer;

/// <summary>
/// Reads a small local file whole into a pooled buffer with as few system calls as possible. On Linux it calls the
/// runtime's own native shim (open, read, close: three calls), because .NET's file handles also fstat and take and
/// release an advisory lock on every open: six calls, which made up half of a cold scan's system time (400,000
/// log files). Anywhere else, or if the shim's entry points are missing, it uses <see cref="File.OpenHandle"/>.
/// </summary>
internal static partial class LogFileReader
{
    private const int ReadOnlyCloseOnExec = 0x0010; // PAL_O_RDONLY | PAL_O_CLOEXEC (System.Native's flag values)

    /// <summary>The file's bytes are <c>buffer[..returned]</c>; the buffer is replaced by a larger pooled one when needed.</summary>
    public static int Read(string path, ref byte[] buffer) => Read(path, ref buffer, stamp: false, out _, out _);

    /// <summary>
    /// As <see cref="Read(string, ref byte[])"/>; with <paramref name="stamp"/>, also the size and modification ticks of
    /// the file opened, taken before it is read (a rewrite during the read leaves an older stamp: read again next time).
    /// </summary>
    public static int Read(string path, ref byte[] buffer, bool stamp, out long size, out long ticks)
    {
        size = -1;
        ticks = 0;
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return ReadNative(path, ref buffer, stamp, ref size, ref ticks);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // Fall through to the managed path.
            }
        }

        using var handle = File.OpenHandle(path);
        if (stamp)
        {
            size = RandomAccess.GetLength(handle);
            ticks = File.GetLastWriteTimeUtc(handle).Ticks;
        }

        return ReadAll(ref buffer, span => RandomAccess.Read(handle, span.Span, span.Offset));
    }

    private static int ReadNative(string path, ref byte[] buffer, bool stamp, ref long size, ref long ticks)
    {
        var name = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(path.Length) + 1);
        try
        {
            var length = Encoding.UTF8.GetBytes(path, name);
            name[length] = 0;
            var fd = OpenNative(ref name[0], ReadOnlyCloseOnExec);
            if (fd < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                throw error == 2 ? new FileNotFoundException($"Could not find file '{path}'.", path) : new IOException($"{Marshal.GetPInvokeErrorMessage(error)}: '{path}'");
            }

            try
            {
                if (stamp && !LocalStat.TryStatDescriptor(fd, out size, out ticks))
                {
                    throw new IOException($"{Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}: '{path}'");
                }

                return ReadAll(ref buffer, span =>
                {
                    var n = ReadFd(fd, ref span.Buffer[span.Offset], span.Span.Length);
                    return n >= 0 ? n : throw new IOException($"{Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}: '{path}'");
                });
            }
            finally
            {
                _ = CloseNative(fd);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(name);
        }
    }

    /// <summary>Reads until a short read (the end of a regular file) or zero, growing the buffer when it fills.</summary>
    private static int ReadAll(ref byte[] buffer, Func<Chunk, int> read)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan().CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var n = read(new Chunk(buffer, length));
            length += n;

            // A short read of a regular file is its end: no second call to be told so.
            if (n == 0 || length < buffer.Length)
            {
                return length;
            }
        }
    }

    /// <summary>open(2) through the runtime's shim (<see cref="LocalStat"/> opens folders with it).</summary>
    internal static nint OpenNative(ref byte path, int flags) => Open(ref path, flags, 0);

    internal static int CloseNative(nint fd) => Close(fd);

    private readonly record struct Chunk(byte[] Buffer, int Offset)
    {
        public Span<byte> Span => Buffer.AsSpan(Offset);
    }

    // DllImport rather than LibraryImport: the signatures are blittable and the project does not allow unsafe code
    // (as GoKart's Crc32 does with the runtime's compression shim).
#pragma warning disable SYSLIB1054
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Open", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint Open(ref byte path, int flags, int mode);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Read", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ReadFd(nint fd, ref byte buffer, int count);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Close", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(nint fd);
#pragma warning restore SYSLIB1054
}
