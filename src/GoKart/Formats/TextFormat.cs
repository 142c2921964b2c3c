using System.Text;

namespace GoKart.Formats;

/// <summary>
/// <c>.txt</c>: a string as is, or a list of strings as lines ('\n' separated). Not <see cref="object"/>: a string
/// written as an object would read back as lines.
/// </summary>
public sealed class TextFormat : IFormat
{
    /// <inheritdoc />
    public string Name => "text";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".txt"];

    /// <inheritdoc />
    public bool Supports(Type type) =>
        type == typeof(string) || type == typeof(string[]) || (type != typeof(object) && type.IsAssignableFrom(typeof(List<string>)));

    /// <inheritdoc />
    public async ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, context.Target.Encoding ?? new UTF8Encoding(false), 65536, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            switch (value)
            {
                case null:
                    throw new InvalidDataException($"{context.Location}: cannot write null as text.");
                case string text:
                    await writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
                    break;
                case IEnumerable<string> lines:
                    foreach (var line in lines)
                    {
                        await writer.WriteAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                        await writer.WriteAsync('\n').ConfigureAwait(false);
                    }

                    break;
                default:
                    throw new InvalidDataException($"{context.Location}: the text format writes a string or lines, not {value.GetType().Name}.");
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, context.Target.Encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 65536, leaveOpen: true);
        if (type == typeof(string))
        {
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lines.Add(line);
        }

        return type == typeof(string[]) ? lines.ToArray() : lines;
    }
}
