using GoKart.Formats.Csv;
using GoKart.Formats.Tables;

namespace GoKart.Formats;

/// <summary>
/// <c>.csv</c> and <c>.tsv</c>: typed tables (<c>IReadOnlyList&lt;TRecord&gt;</c>), one column per record property,
/// RFC 4180 quoting, header checked against the record type on read. Options: <see cref="TableFormatOptions"/>;
/// encoding: <see cref="Target.Encoding"/> (UTF-8 by default).
/// </summary>
/// <example>
/// <code>
/// public sealed record Row(string Name, double Score);
/// public sealed class Scores : TaskOnKart&lt;IReadOnlyList&lt;Row&gt;&gt;
/// {
///     protected override Target Output() =&gt; MakeTarget("data/scores.csv");
///     protected override IReadOnlyList&lt;Row&gt; Run() =&gt; [new("a", 1.5)];
/// }
/// </code>
/// </example>
public sealed partial class CsvFormat : IFormat
{
    private readonly char _delimiter;

    /// <summary>Comma-separated, for <c>.csv</c>.</summary>
    public CsvFormat()
        : this("csv", ',', ".csv")
    {
    }

    private CsvFormat(string name, char delimiter, string extension)
    {
        Name = name;
        _delimiter = delimiter;
        Extensions = [extension];
    }

    /// <summary>Tab-separated, for <c>.tsv</c>.</summary>
    public static CsvFormat Tsv() => new("tsv", '\t', ".tsv");

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; }

    /// <inheritdoc />
    public bool Supports(Type type) => DynamicCode.IsSupported ? TableTypes.TryGetRecordType(type, out _) : throw DynamicCode.NotSupported($"The {Name} format");

    /// <inheritdoc />
    public ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported($"The {Name} format");
        }

        return TableCodecs.For(typeof(CsvTableCodec<>), type, _delimiter, context.Location).WriteAsync(stream, value, context, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported($"The {Name} format");
        }

        return TableCodecs.For(typeof(CsvTableCodec<>), type, _delimiter, context.Location).ReadAsync(stream, type, context, cancellationToken);
    }
}
