using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoKart.Formats.Tables;

/// <summary>
/// Arrays for bulk column data, allocated the way numpy allocates them. Touching fresh memory is most of the cost
/// of a first load on Linux (one page fault per 4 KiB: ~0.3-0.6 s for 80 MB on the build VM, against ~0.01 s to
/// copy the same bytes into memory already touched); numpy asks the kernel for 2 MiB pages for any array of 4 MiB
/// or more (<c>madvise(MADV_HUGEPAGE)</c>), which makes it 512 times fewer faults. Large arrays are therefore made
/// on the pinned heap (they never move, so the advice stays with them), not zeroed (the caller fills every
/// element), advised the same way, and faulted in with one madvise(MADV_POPULATE_WRITE) call instead of one fault per
/// page (about 20 % off a first 80 MB load here). Elsewhere, or when the advice is refused, they are plain arrays.
/// Where 2 MiB pages turn out slow to fill (<see cref="TooSlow"/>), later arrays of the process use 4 KiB pages.
/// </summary>
internal static class BulkArrays
{
    private const int HugePageThreshold = 4 << 20;
    private const nint HugePage = 2 << 20;
    private const int MadviseHugePage = 14;
    private const int MadvisePopulateWrite = 23;
    private const long SlowestHugeFill = 1L << 30;

    // Whether large arrays still ask for 2 MiB pages: turned off for the rest of the process the first time filling them
    // is found slower than 4 KiB pages would be (TooSlow). Process-wide on purpose: it is a property of the machine's
    // memory, as the runtime's own GC tuning is, and a later load would only meet the same memory.
    private static bool s_hugePages = true;
    private static readonly Lazy<bool> Advisable = new(() => OperatingSystem.IsLinux() && (RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64));

    /// <summary>An array of <paramref name="length"/> elements, not zeroed when large: every element must be written before it is read.</summary>
    /// <remarks>
    /// One overload only: GoKart.Parquet binds a delegate to it by name. No <c>unmanaged</c> constraint on purpose:
    /// crossgen2 does not precompile instantiations of a constrained generic method (<c>Allocate&lt;double&gt;</c> was
    /// JIT-compiled in every fresh process that loaded a table, with the madvise stub behind it); the element type is
    /// checked at run time instead.
    /// </remarks>
    public static T[] Allocate<T>(int length) => AllocateArray<T>(length, fill: true);

    /// <summary>As <see cref="Allocate{T}"/>; with <paramref name="fill"/> false a large array's pages are left for
    /// <see cref="Fill"/> (on another thread, while an earlier array is read: <see cref="Numpy.NpzPrefetch"/>).</summary>
    public static T[] AllocateArray<T>(int length, bool fill)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            throw new ArgumentException($"{typeof(T).Name} holds references: bulk arrays are for plain values.", nameof(T));
        }

        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (!IsLarge(bytes))
        {
            return GC.AllocateUninitializedArray<T>(length);
        }

        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        if (fill)
        {
            Fill(array, bytes);
        }

        return array;
    }

    /// <summary>Whether an array of <paramref name="bytes"/> is made on the pinned heap and filled as <see cref="Fill"/> does.</summary>
    public static bool IsLarge(long bytes) => bytes >= HugePageThreshold && Advisable.Value;

    /// <summary>
    /// Faults in the pages of a large array made by <see cref="Allocate{T}"/> (<paramref name="bytes"/> long), asking
    /// for 2 MiB pages unless they were found slow. Not generic, so one precompiled body serves every element type.
    /// Safe on any thread, and more than once: a page already there is left as it is.
    /// </summary>
    /// <param name="pinned">The array.</param>
    /// <param name="bytes">Its length in bytes.</param>
    /// <param name="byTouch">
    /// Fault the pages by writing to each rather than with one madvise call: for a thread filling arrays while
    /// another works. madvise(MADV_POPULATE_WRITE) holds the process's memory-map lock for the whole array, so the
    /// other thread's mmap, munmap and mprotect (the runtime makes many while it loads types and code) waited up to
    /// 15 ms behind it; a page fault takes only its own mapping's lock (Linux 6.4 and later).
    /// </param>
    public static unsafe void Fill(Array pinned, long bytes, bool byTouch = false)
    {
        var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        var first = (start + HugePage - 1) & ~(HugePage - 1);
        var last = (start + (nint)bytes) & ~(HugePage - 1);
        var huge = Volatile.Read(ref s_hugePages) && last > first;
        if (huge)
        {
            Advise(first, (nuint)(last - first), MadviseHugePage);
        }

        var page = start & ~(nint)4095;
        var watch = Stopwatch.GetTimestamp();
        if (byTouch)
        {
            // The caller is about to overwrite every byte, so what is written here does not matter.
            for (var p = Math.Max(page, start); p < start + (nint)bytes; p = (p + 4096) & ~(nint)4095)
            {
                *(byte*)p = 0;
            }
        }
        else
        {
            // One system call instead of a fault per page, which a virtual machine makes expensive (Linux 5.14+;
            // refused before, and the read faults them as before).
            Advise(page, (nuint)((start + (nint)bytes - page + 4095) & ~(nint)4095), MadvisePopulateWrite);
        }

        if (huge && TooSlow(bytes, Stopwatch.GetTimestamp() - watch, Stopwatch.Frequency))
        {
            Volatile.Write(ref s_hugePages, false);
        }
    }

    /// <summary>
    /// Whether filling <paramref name="bytes"/> of fresh 2 MiB pages took so long (under 1 GiB/s) that they come from
    /// memory the host had taken back: a virtual machine that reports free memory to its host (virtio-balloon free
    /// page reporting) hands out exactly the large free blocks huge pages need, and each one is then faulted in on the
    /// host as well, 5-15 times slower (an 80 MB load in 150-250 ms instead of 30-40; 4 KiB pages stay at 45-60).
    /// </summary>
    internal static bool TooSlow(long bytes, long elapsedTicks, long ticksPerSecond) =>
        elapsedTicks > 0 && bytes * (double)ticksPerSecond / elapsedTicks < SlowestHugeFill;

    private static void Advise(nint start, nuint length, int advice)
    {
        try
        {
            // Advice only: a kernel without transparent huge pages answers EINVAL and the array stays as it is.
            _ = Madvise(start, length, advice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

#pragma warning disable SYSLIB1054 // DllImport rather than LibraryImport: blittable, so the generated code would be this call.
    [DllImport("libc", EntryPoint = "madvise", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Madvise(nint address, nuint length, int advice);
#pragma warning restore SYSLIB1054
}
