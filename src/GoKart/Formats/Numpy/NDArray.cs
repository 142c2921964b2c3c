namespace GoKart.Formats;

/// <summary>
/// An N-dimensional numeric array in C (row-major) order: a shape and its flat data, numpy's layout. Use it for
/// any rank, or plain <c>T[]</c> / <c>T[,]</c> / <c>T[,,]</c> arrays; all are read and written by <c>.npy</c>/<c>.npz</c>.
/// </summary>
/// <typeparam name="T">bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float, double or Complex.</typeparam>
/// <example>
/// <code>
/// var image = new NDArray&lt;float&gt;([2, 3, 4], new float[24]);
/// image[1, 2, 3] = 1f;
/// </code>
/// </example>
public sealed class NDArray<T>
    where T : unmanaged
{
    private readonly int[] _shape;

    /// <summary>Wraps <paramref name="data"/> (not copied) with <paramref name="shape"/>; their sizes must agree.</summary>
    public NDArray(IReadOnlyList<int> shape, T[] data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        _shape = [.. shape];
        long size = 1;
        foreach (var dimension in _shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimension, nameof(shape));
            size *= dimension;
        }

        if (size != data.LongLength)
        {
            throw new ArgumentException($"Shape ({string.Join(", ", _shape)}) holds {size} elements but data has {data.LongLength}.", nameof(data));
        }

        Data = data;
    }

    /// <summary>The length of each dimension.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The elements in C order.</summary>
#pragma warning disable CA1819 // The flat buffer is the point of this type.
    public T[] Data { get; }
#pragma warning restore CA1819

    /// <summary>The element at an index with one coordinate per dimension.</summary>
    public T this[params int[] index]
    {
        get => Data[Offset(index)];
        set => Data[Offset(index)] = value;
    }

    private int Offset(int[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Length != _shape.Length)
        {
            throw new ArgumentException($"Expected {_shape.Length} coordinates, got {index.Length}.", nameof(index));
        }

        var offset = 0;
        for (var i = 0; i < index.Length; i++)
        {
            if ((uint)index[i] >= (uint)_shape[i])
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"Coordinate {index[i]} is outside dimension {i} of length {_shape[i]}.");
            }

            offset = (offset * _shape[i]) + index[i];
        }

        return offset;
    }
}
