using GoKart.Formats.Json;
using GoKart.Formats.Tables;

namespace GoKart.Formats;

/// <summary>
/// <c>.ndjson</c> (and <c>.jsonl</c>): a typed table as one JSON object per line, streamed both ways, checked against
/// the record type like CSV (pandas: <c>pd.read_json(path, lines=True)</c>). NaN and infinities are written as the
/// strings "NaN", "Infinity", "-Infinity"; null reads as NaN in float columns.
/// </summary>
/// <example>
/// <code>
/// protected override Target Output() =&gt; MakeTarget("data/events.ndjson");
/// </code>
/// </example>
public sealed partial class NdjsonFormat : IFormat
{
    /// <inheritdoc />
    public string Name => "ndjson";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".ndjson", ".jsonl"];

    /// <inheritdoc />
    public bool Supports(Type type) => DynamicCode.IsSupported ? TableTypes.TryGetRecordType(type, out _) : throw DynamicCode.NotSupported("The ndjson format");

    /// <inheritdoc />
    public ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported("The ndjson format");
        }

        return TableCodecs.For(typeof(JsonTableCodec<>), type, true, context.Location).WriteAsync(stream, value, context, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported("The ndjson format");
        }

        return TableCodecs.For(typeof(JsonTableCodec<>), type, true, context.Location).ReadAsync(stream, type, context, cancellationToken);
    }
}
