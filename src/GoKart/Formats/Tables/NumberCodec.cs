using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace GoKart.Formats.Tables;

/// <summary>Integers and decimal through their UTF-8 parsers (invariant culture).</summary>
internal sealed class NumberCodec<T> : ValueCodec<T>
    where T : INumberBase<T>, IUtf8SpanFormattable
{
    private readonly NumberStyles _styles;

    public NumberCodec(NumberStyles styles) => _styles = styles;

    public override JsonValueKind JsonKind => JsonValueKind.Number;

    public override bool TryFormat(T value, Span<byte> destination, out int written) =>
        value.TryFormat(destination, out written, default, Invariant);

    public override bool TryParse(ReadOnlySpan<byte> text, out T value) =>
        T.TryParse(text, _styles, Invariant, out value!);
}
