using GoKart.Execution.Async;
using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;

namespace GoKart.Formats.Numpy;

/// <summary>Moves numeric arrays (<c>T[]</c>, <c>T[,]</c>, ..., <see cref="NDArray{T}"/>) to and from .npy bytes: written in 1 MiB chunks, read straight into the array where the stream allows (<see cref="ArrayBytes"/>).</summary>
internal static class NpyArrays
{
    private const int ChunkSize = 1 << 20;

    /// <summary>Whether <paramref name="type"/> is an array type .npy stores; <see cref="Array"/> and object read any.</summary>
    public static bool Supports(Type type) =>
        type == typeof(Array) || ElementTypeOf(type) is { } element && NpyDType.IsSupported(element);

    public static Type? ElementTypeOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NDArray<>) ? type.GetGenericArguments()[0]
        : null;

    public static async ValueTask WriteAsync(Stream stream, object? value, string location, CancellationToken cancellationToken)
    {
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported($"{location}: the npy format");
        }

        // A string[] inside an Array-valued dictionary: numpy's fixed-width unicode, as pandas saves a text column without pickle.
        if (value is string?[] strings)
        {
            await NpyStrings.WriteAsync(stream, strings, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (storage, shape) = Decompose(value, location);
        await WriteAsync(stream, storage, shape, NpyDType.DescrOf(storage.GetType().GetElementType()!), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="storage"/>'s bytes under <paramref name="descr"/>, which must have its element size (<c>&lt;M8[ns]</c> for long).</summary>
    public static async ValueTask WriteAsync(Stream stream, Array storage, long[] shape, string descr, CancellationToken cancellationToken)
    {
        var element = storage.GetType().GetElementType()!;
        var header = new NpyHeader(descr, false, shape);
        await stream.WriteAsync(header.ToBytes(), cancellationToken).ConfigureAwait(false);
        var total = storage.LongLength * NpyDType.SizeOf(element);
        var chunk = new byte[(int)Math.Min(ChunkSize, Math.Max(total, 1))];
        for (long offset = 0; offset < total; offset += chunk.Length)
        {
            var count = (int)Math.Min(chunk.Length, total - offset);
            Bytes(storage, offset, count).CopyTo(chunk);
            await stream.WriteAsync(chunk.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public static async ValueTask<object> ReadAsync(Stream stream, Type requested, string location, CancellationToken cancellationToken)
    {
        var header = await NpyHeader.ReadAsync(stream, location, cancellationToken).ConfigureAwait(false);
        // Checked after the await: the AOT compiler drops guarded code only where no await resumes past the guard.
        return DynamicCode.IsSupported
            ? await ReadBodyAsync(stream, header, requested, location, cancellationToken).ConfigureAwait(false)
            : throw DynamicCode.NotSupported($"{location}: the npy format");
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    [RequiresUnreferencedCode("Makes arrays and NDArray<T> over the element type at run time.")]
    [RequiresDynamicCode("Makes arrays and NDArray<T> over the element type at run time.")]
    public static async ValueTask<object> ReadBodyAsync(Stream stream, NpyHeader header, Type requested, string location, CancellationToken cancellationToken)
    {
        // Any array (Array, object) may be a 1-D unicode one, as a pandas text column saved by np.savez.
        if (header.Descr.StartsWith("<U", StringComparison.Ordinal) && requested == typeof(Array))
        {
            return await NpyStrings.ReadAsync(stream, header, location, cancellationToken).ConfigureAwait(false);
        }

        var fileElement = NpyDType.TypeOf(header.Descr)
            ?? throw new InvalidDataException($"{location}: numpy dtype '{header.Descr}' is not supported (little-endian bool, integers, floats and complex128 are).");
        if (header.FortranOrder && header.Shape.Length > 1)
        {
            throw new InvalidDataException($"{location}: the array is in Fortran order; save it with np.ascontiguousarray(a) first.");
        }

        var wanted = ElementTypeOf(requested) ?? fileElement;
        if (wanted != fileElement)
        {
            throw new InvalidDataException($"{location}: the file holds {header.Descr} ({fileElement.Name}) but {FriendlyName(requested)} was asked for.");
        }

        // Loops, not LINQ over long: those generic instantiations are JIT-compiled in every fresh process that loads an array.
        var lengths = new int[header.Shape.Length];
        var tooLarge = header.Count > Array.MaxLength;
        for (var i = 0; i < lengths.Length; i++)
        {
            tooLarge |= header.Shape[i] > int.MaxValue;
            lengths[i] = (int)header.Shape[i];
        }

        if (tooLarge)
        {
            throw new InvalidDataException($"{location}: shape ({string.Join(", ", header.Shape)}) is too large for a .NET array.");
        }

        var isNDArray = requested.IsGenericType && requested.GetGenericTypeDefinition() == typeof(NDArray<>);
        Array storage;
        if (isNDArray)
        {
            storage = Prepared(stream, fileElement, header.Count) ?? ArrayBytes.AllocateUninitialized(fileElement, (int)header.Count);
        }
        else
        {
            var rank = requested.IsArray ? requested.GetArrayRank() : Math.Max(1, lengths.Length);
            if (lengths.Length != rank)
            {
                throw new InvalidDataException(
                    $"{location}: the array has shape ({string.Join(", ", lengths)}) but {FriendlyName(requested)} has {rank} dimension(s); use NDArray<{fileElement.Name}> for any shape.");
            }

            storage = lengths.Length == 1
                ? Prepared(stream, fileElement, lengths[0]) ?? ArrayBytes.AllocateUninitialized(fileElement, lengths[0])
                : Array.CreateInstance(fileElement, lengths);
        }

        await ReadDataAsync(stream, storage, location, cancellationToken).ConfigureAwait(false);
        return isNDArray ? Activator.CreateInstance(requested, lengths, storage)! : storage;
    }

    // The array an .npz made for this entry ahead of the read, when it is the one the header asks for.
    private static Array? Prepared(Stream stream, Type element, long count) =>
        stream is CrcCheckingStream { Prepared: { } slot } ? slot.Take(element, count) : null;

    public static string FriendlyName(Type type) =>
        type.IsArray ? $"{type.GetElementType()!.Name}[{new string(',', type.GetArrayRank() - 1)}]"
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(FriendlyName))}>"
        : type.Name;

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
    private static async ValueTask ReadDataAsync(Stream stream, Array storage, string location, CancellationToken cancellationToken)
    {
        var element = storage.GetType().GetElementType()!;
        var total = storage.LongLength * NpyDType.SizeOf(element);
        var chunk = new byte[(int)Math.Min(ArrayBytes.CanReadInPlace(stream) ? 1 : ChunkSize, Math.Max(total, 1))];
        if (ArrayBytes.CanReadInPlace(stream))
        {
            // Straight into the array: no chunk to fill and copy.
            var got = ArrayBytes.ReadInPlace(stream, storage, total, cancellationToken);
            if (got < total)
            {
                throw new InvalidDataException($"{location}: the array data is cut short: {got} of {total} bytes (truncated file?).");
            }
        }
        else
        {
            for (long offset = 0; offset < total; offset += chunk.Length)
            {
                var count = (int)Math.Min(chunk.Length, total - offset);
                var got = await stream.ReadAtLeastAsync(chunk.AsMemory(0, count), count, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (got < count)
                {
                    throw new InvalidDataException($"{location}: the array data is cut short: {offset + got} of {total} bytes (truncated file?).");
                }

                chunk.AsSpan(0, count).CopyTo(Bytes(storage, offset, count));
            }
        }

        if (element == typeof(bool))
        {
            const int Step = 1 << 20;
            for (long offset = 0; offset < total; offset += Step)
            {
                foreach (ref var b in Bytes(storage, offset, (int)Math.Min(Step, total - offset)))
                {
                    b = b == 0 ? (byte)0 : (byte)1;
                }
            }
        }

        if (await stream.ReadAsync(chunk.AsMemory(0, 1), cancellationToken).ConfigureAwait(false) > 0)
        {
            throw new InvalidDataException($"{location}: there are bytes after the array data the header describes (corrupt file?).");
        }
    }

    [RequiresUnreferencedCode("Reads NDArray<T>'s Shape and Data by reflection.")]
    private static (Array Storage, long[] Shape) Decompose(object? value, string location)
    {
        switch (value)
        {
            case null:
                throw new InvalidDataException($"{location}: cannot write null as a numpy array.");
            case Array array when NpyDType.IsSupported(array.GetType().GetElementType()!):
                return (array, [.. Enumerable.Range(0, array.Rank).Select(d => (long)array.GetLength(d))]);
        }

        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NDArray<>))
        {
            var shape = (IReadOnlyList<int>)type.GetProperty(nameof(NDArray<int>.Shape))!.GetValue(value)!;
            var data = (Array)type.GetProperty(nameof(NDArray<int>.Data))!.GetValue(value)!;
            return (data, [.. shape.Select(d => (long)d)]);
        }

        throw new InvalidDataException($"{location}: {type.Name} is not a numeric array (T[], T[,], NDArray<T>).");
    }

    private static Span<byte> Bytes(Array storage, long offset, int count) => ArrayBytes.Bytes(storage, offset, count);
}
