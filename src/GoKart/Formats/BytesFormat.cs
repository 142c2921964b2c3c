namespace GoKart.Formats;

/// <summary><c>.bin</c>, <c>.png</c>, <c>.jpg</c>: raw bytes as <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c> or <c>Memory&lt;byte&gt;</c>.</summary>
public sealed class BytesFormat : IFormat
{
    /// <inheritdoc />
    public string Name => "bytes";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".bin", ".png", ".jpg", ".jpeg"];

    /// <inheritdoc />
    public bool Supports(Type type) => type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) || type == typeof(Memory<byte>);

    /// <inheritdoc />
    public async ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> bytes = value switch
        {
            byte[] array => array,
            ReadOnlyMemory<byte> memory => memory,
            Memory<byte> memory => memory,
            _ => throw new InvalidDataException($"{context.Location}: the bytes format writes byte[] or ReadOnlyMemory<byte>, not {value?.GetType().Name ?? "null"}."),
        };
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();

        // Each arm boxes its own type: a conditional expression would convert all three to ReadOnlyMemory<byte>.
        if (type == typeof(Memory<byte>))
        {
            return new Memory<byte>(bytes);
        }

        if (type == typeof(ReadOnlyMemory<byte>))
        {
            return new ReadOnlyMemory<byte>(bytes);
        }

        return bytes;
    }
}
