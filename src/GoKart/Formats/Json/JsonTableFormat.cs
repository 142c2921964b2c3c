using GoKart.Formats.Json;
using GoKart.Formats.Tables;

namespace GoKart.Formats;

/// <summary>
/// <c>.json</c>: typed tables (<c>IReadOnlyList&lt;TRecord&gt;</c>) as an array of objects, one per line, checked against
/// the record type on read (pandas: <c>pd.read_json(path, orient="records")</c>); every other type goes to
/// <see cref="JsonFormat"/> (System.Text.Json).
/// </summary>
public sealed class JsonTableFormat : IFormat
{
    private readonly JsonFormat _other;

    /// <summary>Tables here, other values through a default <see cref="JsonFormat"/>.</summary>
    public JsonTableFormat()
        : this(new JsonFormat())
    {
    }

    /// <summary>Tables here, other values through <paramref name="other"/>.</summary>
    public JsonTableFormat(JsonFormat other) => _other = other;

    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".json"];

    /// <inheritdoc />
    public bool Supports(Type type) => _other.Supports(type);

    /// <inheritdoc />
    public ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DynamicCode.IsSupported && TableTypes.TryGetRecordType(type, out _)
            ? TableCodecs.For(typeof(JsonTableCodec<>), type, false, context.Location).WriteAsync(stream, value, context, cancellationToken)
            : _other.WriteAsync(stream, value, type, context, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DynamicCode.IsSupported && TableTypes.TryGetRecordType(type, out _)
            ? TableCodecs.For(typeof(JsonTableCodec<>), type, false, context.Location).ReadAsync(stream, type, context, cancellationToken)
            : _other.ReadAsync(stream, type, context, cancellationToken);
    }
}
