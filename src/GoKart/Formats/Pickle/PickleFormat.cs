using GoKart.Formats.Pickle;

namespace GoKart.Formats;

/// <summary>
/// <c>.pkl</c>: Python pickle of plain data, so C# and Python tasks can exchange values. Writes protocol 4 (any
/// Python 3.4+ reads it with <c>pickle.load</c>); reads protocols 0–5 of None, bool, int (any size), float, str,
/// bytes, list, tuple, dict, set and frozenset. Anything else in a pickle (classes, functions, REDUCE of other
/// globals) is refused with an error: reading never runs code.
/// </summary>
/// <remarks>
/// Reading as <see cref="object"/> gives null, bool, long (or BigInteger beyond 64 bits), double, string, byte[],
/// <c>List&lt;object?&gt;</c> for a list, <c>object?[]</c> for a tuple, <c>Dictionary&lt;object, object?&gt;</c> for a dict
/// and <c>HashSet&lt;object?&gt;</c> for a set. Typed outputs (<c>Dictionary&lt;string, double&gt;</c>, <c>List&lt;long&gt;</c>,
/// <c>int[]</c>, ...) are converted, with an error naming the element that does not fit. Value tuples are written as tuples.
/// </remarks>
/// <example>
/// <code>
/// public sealed class Params : TaskOnKart&lt;Dictionary&lt;string, object?&gt;&gt;
/// {
///     protected override Target Output() =&gt; MakeTarget("model/params.pkl");
///     protected override Dictionary&lt;string, object?&gt; Run() =&gt; new() { ["alpha"] = 0.5, ["layers"] = new List&lt;int&gt; { 64, 32 } };
/// }
/// </code>
/// </example>
public sealed class PickleFormat : IFormat
{
    /// <inheritdoc />
    public string Name => "pickle";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".pkl", ".pickle"];

    /// <inheritdoc />
    public bool Supports(Type type) => PickleValues.Supports(type);

    /// <inheritdoc />
    public ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        new PickleWriter(stream, context.Location).WriteDocument(value);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length - stream.Position, Array.MaxLength) : 0);
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var raw = new PickleReader(buffer.GetBuffer(), (int)buffer.Length, context.Location).Read();
        return PickleValues.Convert(raw, type, "value", context.Location);
    }
}
