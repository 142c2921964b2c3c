using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Formats;

/// <summary><c>.json</c> through System.Text.Json: any type it can serialize.</summary>
public sealed class JsonFormat : IFormat
{
    // Serializer metadata is cached per options instance; one shared immutable instance keeps it warm across builds. Made
    // on first use: a build whose JSON outputs are all scalars (PrimitiveJson) never needs it (issue 18, start-up).
    private static readonly Lazy<JsonSerializerOptions> SharedOptions = new(CreateSharedOptions);

    private readonly JsonSerializerOptions? _custom;

    /// <summary>Creates the format with GoKart's defaults (named NaN/Infinity allowed, value tuples as arrays).</summary>
    public JsonFormat()
    {
    }

    /// <summary>Creates the format with your serializer options.</summary>
    public JsonFormat(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _custom = options;
    }

    private bool HasDefaults => _custom is null;

    private static JsonSerializerOptions CreateSharedOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        if (DynamicCode.IsSupported)
        {
            options.Converters.Add(new Json.ValueTupleJsonConverter());
        }

        return options;
    }

    private JsonSerializerOptions Options => _custom ?? SharedOptions.Value;

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
        if (HasDefaults && PrimitiveJson.Handles(type) && PrimitiveJson.TryWrite(stream, value))
        {
            return;
        }

        if (DynamicCode.IsSupported)
        {
            await JsonSerializer.SerializeAsync(stream, value, type, Options, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await JsonSerializer.SerializeAsync(stream, value, TypeInfo(type), cancellationToken).ConfigureAwait(false);
        }
    }

    // Without reflection (Native AOT) the contract comes from the options' TypeInfoResolver: a source-generated
    // JsonSerializerContext given to JsonFormat(JsonSerializerOptions).
    private JsonTypeInfo TypeInfo(Type type)
    {
        try
        {
            return Options.GetTypeInfo(type);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            throw new NotSupportedException(
                $"JSON of {type.Name} needs its contract from a source-generated JsonSerializerContext in a trimmed or Native AOT program: "
                + "register new JsonFormat(new JsonSerializerOptions { TypeInfoResolver = YourContext.Default }) (docs/aot.md).", e);
        }
    }

    private ValueTask<object?> DeserializeAsync(Stream stream, Type type, CancellationToken cancellationToken) =>
        DynamicCode.IsSupported
            ? JsonSerializer.DeserializeAsync(stream, type, Options, cancellationToken)
            : JsonSerializer.DeserializeAsync(stream, TypeInfo(type), cancellationToken);

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (HasDefaults && PrimitiveJson.Handles(type))
            {
                using var buffer = new MemoryStream();
                // An explicit buffer size: the default asks a seekable stream its length first (one more system call per load).
                await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
                if (PrimitiveJson.TryRead(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type, out var scalar))
                {
                    return scalar;
                }

                buffer.Position = 0;
                return await DeserializeAsync(buffer, type, cancellationToken).ConfigureAwait(false);
            }

            return await DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{context.Location}: not valid JSON for {type.Name} (line {e.LineNumber + 1}, path {e.Path}): {e.Message}", e);
        }
    }
}
