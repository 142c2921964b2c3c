using GoKart.Formats.Numpy;

namespace GoKart.Formats;

/// <summary>
/// <c>.npy</c>: one numeric array in numpy's format (version 1.0, or 2.0 for huge headers; little-endian, C order).
/// Values: <c>T[]</c> (1-D), <c>T[,]</c>, <c>T[,,]</c>, ... (the same rank as the file), or <see cref="NDArray{T}"/>
/// (any rank); T is bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float, double or Complex.
/// </summary>
/// <example>
/// <code>
/// public sealed class Weights : TaskOnKart&lt;double[,]&gt;
/// {
///     protected override Target Output() =&gt; MakeTarget("model/weights.npy");
///     protected override double[,] Run() =&gt; new double[3, 4];
/// }
/// </code>
/// </example>
public sealed class NpyFormat : IFormat
{
    /// <inheritdoc />
    public string Name => "npy";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".npy"];

    /// <inheritdoc />
    public bool Supports(Type type) => DynamicCode.IsSupported ? NpyArrays.Supports(type) : throw DynamicCode.NotSupported("The npy format");

    /// <inheritdoc />
    public ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported("The npy format");
        }

        return NpyArrays.WriteAsync(stream, value, context.Location, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported("The npy format");
        }

        return await NpyArrays.ReadAsync(stream, type, context.Location, cancellationToken).ConfigureAwait(false);
    }
}
