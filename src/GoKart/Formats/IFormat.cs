namespace GoKart.Formats;

/// <summary>
/// Turns values into bytes and back for the targets whose extension it is registered under. Register
/// your own with <see cref="FormatRegistry.Register"/>.
/// </summary>
public interface IFormat
{
    /// <summary>A short name shown in messages (<c>json</c>).</summary>
    string Name { get; }

    /// <summary>Extensions handled, lower case with the dot (<c>.json</c>).</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Whether values of <paramref name="type"/> can be written and read; checked before a build runs anything.</summary>
    bool Supports(Type type);

    /// <summary>Writes <paramref name="value"/> (declared as <paramref name="type"/>) to <paramref name="stream"/>.</summary>
    ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken);

    /// <summary>Reads a value of <paramref name="type"/>; a clear error naming <see cref="FormatContext.Location"/> on bad data.</summary>
    ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken);
}
