using System.Text.Json;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Formats;

/// <summary><c>.json</c> through System.Text.Json: any type it can serialize.</summary>
public sealed class JsonFormat : IFormat
{
    // Serializer metadata is cached per options instance; one shared immutable instance keeps it warm across builds.
    private static readonly JsonSerializerOptions SharedOptions = new(JsonSerializerDefaults.General)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new Json.ValueTupleJsonConverter() },
    };

    private readonly JsonSerializerOptions _options;

    /// <summary>Creates the format with GoKart's defaults (named NaN/Infinity allowed, value tuples as arrays).</summary>
    public JsonFormat()
        : this(SharedOptions)
    {
    }

    /// <summary>Creates the format with your serializer options.</summary>
    public JsonFormat(JsonSerializerOptions options) => _options = options;

    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".json"];

    /// <inheritdoc />
    public bool Supports(Type type) => !typeof(Delegate).IsAssignableFrom(type) && type != typeof(Stream);

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
    public async ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        if (_options == SharedOptions && PrimitiveJson.Handles(type) && PrimitiveJson.TryWrite(stream, value))
        {
            return;
        }

        await JsonSerializer.SerializeAsync(stream, value, type, _options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (_options == SharedOptions && PrimitiveJson.Handles(type))
            {
                using var buffer = new MemoryStream();
                // An explicit buffer size: the default asks a seekable stream its length first (one more system call per load).
                await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
                if (PrimitiveJson.TryRead(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type, out var scalar))
                {
                    return scalar;
                }

                buffer.Position = 0;
                return await JsonSerializer.DeserializeAsync(buffer, type, _options, cancellationToken).ConfigureAwait(false);
            }

            return await JsonSerializer.DeserializeAsync(stream, type, _options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{context.Location}: not valid JSON for {type.Name} (line {e.LineNumber + 1}, path {e.Path}): {e.Message}", e);
        }
    }
}
