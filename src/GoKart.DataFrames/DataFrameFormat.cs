using GoKart.Formats;
using Microsoft.Data.Analysis;

namespace GoKart.DataFrames;

/// <summary>
/// Adds <see cref="DataFrame"/> as a value type to a format (csv, tsv, parquet, feather/arrow): a DataFrame is read and
/// written here, every other type goes to the wrapped format. Made by <see cref="DataFrameRegistration.AddDataFrames"/>.
/// </summary>
public sealed class DataFrameFormat : IFormat
{
    private readonly IFormat _inner;
    private readonly IDataFrameCodec _codec;

    internal DataFrameFormat(IFormat inner, IDataFrameCodec codec)
    {
        _inner = inner;
        _codec = codec;
    }

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions => _inner.Extensions;

    /// <inheritdoc />
    public bool Supports(Type type) => type == typeof(DataFrame) || _inner.Supports(type);

    /// <inheritdoc />
    public async ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (type != typeof(DataFrame))
        {
            await _inner.WriteAsync(stream, value, type, context, cancellationToken).ConfigureAwait(false);
            return;
        }

        var frame = value as DataFrame ?? throw new InvalidDataException($"{context.Location}: expected a DataFrame, got {value?.GetType().Name ?? "null"}.");
        await _codec.WriteAsync(stream, frame, context, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return type == typeof(DataFrame)
            ? await _codec.ReadAsync(stream, context, cancellationToken).ConfigureAwait(false)
            : await _inner.ReadAsync(stream, type, context, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>How one file format stores a DataFrame.</summary>
internal interface IDataFrameCodec
{
    ValueTask WriteAsync(Stream stream, DataFrame frame, FormatContext context, CancellationToken cancellationToken);

    ValueTask<DataFrame> ReadAsync(Stream stream, FormatContext context, CancellationToken cancellationToken);
}
