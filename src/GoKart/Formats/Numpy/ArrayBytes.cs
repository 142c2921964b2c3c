using System.Numerics;
using GoKart.Formats.Tables;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoKart.Formats.Numpy;

/// <summary>
/// Arrays of numpy element types filled straight from a stream: allocated without zeroing (every byte is then
/// read into) and read into through a span over the array's own bytes, so no chunk is
/// allocated or copied on the way.
/// </summary>
internal static class ArrayBytes
{
    // Slices keep cancellation responsive and spans int-sized.
    private const int MaxSlice = 1 << 26;

    /// <summary>A 1-D array of <paramref name="element"/>, not zeroed: the caller fills every element.</summary>
    /// <param name="element">The element type.</param>
    /// <param name="length">The element count.</param>
    /// <param name="fill">False to leave a large array's pages for <see cref="BulkArrays.Fill"/> (see <see cref="BulkArrays.AllocateArray{T}"/>).</param>
    public static Array AllocateUninitialized(Type element, int length, bool fill = true) =>
        element == typeof(double) ? BulkArrays.AllocateArray<double>(length, fill)
        : element == typeof(float) ? BulkArrays.AllocateArray<float>(length, fill)
        : element == typeof(long) ? BulkArrays.AllocateArray<long>(length, fill)
        : element == typeof(int) ? BulkArrays.AllocateArray<int>(length, fill)
        : element == typeof(ulong) ? BulkArrays.AllocateArray<ulong>(length, fill)
        : element == typeof(uint) ? BulkArrays.AllocateArray<uint>(length, fill)
        : element == typeof(short) ? BulkArrays.AllocateArray<short>(length, fill)
        : element == typeof(ushort) ? BulkArrays.AllocateArray<ushort>(length, fill)
        : element == typeof(byte) ? BulkArrays.AllocateArray<byte>(length, fill)
        : element == typeof(sbyte) ? BulkArrays.AllocateArray<sbyte>(length, fill)
        : element == typeof(bool) ? BulkArrays.AllocateArray<bool>(length, fill)
        : element == typeof(Half) ? BulkArrays.AllocateArray<Half>(length, fill)
        : AllocateOther(element, length, fill);

    // Apart, so that a load of plain numbers does not load System.Runtime.Numerics for Complex.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Array AllocateOther(Type element, int length, bool fill) =>
        element == typeof(Complex) ? BulkArrays.AllocateArray<Complex>(length, fill)
        : DynamicCode.IsSupported ? Array.CreateInstance(element, length)
        : throw DynamicCode.NotSupported($"An array of {element.Name}");

    /// <summary>
    /// Whether reads of <paramref name="stream"/> may be done synchronously into an array's bytes: local and spooled
    /// files (seekable) and zip entries of those (an .npz is always opened over a seekable stream) are served from
    /// the page cache; anything else (a network body) is read asynchronously through a chunk.
    /// </summary>
    public static bool CanReadInPlace(Stream stream) => stream.CanSeek || stream is CrcCheckingStream;

    /// <summary>Reads up to <paramref name="total"/> bytes into the start of <paramref name="storage"/>; returns the bytes read (fewer at the end of the stream).</summary>
    public static long ReadInPlace(Stream stream, Array storage, long total, CancellationToken cancellationToken)
    {
        long offset = 0;
        while (offset < total)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = (int)Math.Min(MaxSlice, total - offset);
            var got = stream.ReadAtLeast(Bytes(storage, offset, count), count, throwOnEndOfStream: false);
            offset += got;
            if (got < count)
            {
                break;
            }
        }

        return offset;
    }

    /// <summary>The bytes of an array of a primitive element type.</summary>
    public static Span<byte> Bytes(Array storage, long offset, int count) =>
        MemoryMarshal.CreateSpan(ref Unsafe.AddByteOffset(ref MemoryMarshal.GetArrayDataReference(storage), (nint)offset), count);
}
