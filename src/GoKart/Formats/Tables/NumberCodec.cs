using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace GoKart.Formats.Tables;

/// <summary>
/// Integers and decimal through their UTF-8 parsers (invariant culture). An integer column also reads a number
/// written as a float whose exact value is a whole number (<c>3.0</c>, <c>1e+16</c>): pandas writes an integer column
/// with missing values that way, as float64.
/// </summary>
internal sealed class NumberCodec<T> : ValueCodec<T>
    where T : INumberBase<T>, IUtf8SpanFormattable
{
    private readonly NumberStyles _styles;
    private readonly bool _integral;

    public NumberCodec(NumberStyles styles)
    {
        _styles = styles;
        _integral = styles == NumberStyles.Integer;
    }

    public override JsonValueKind JsonKind => JsonValueKind.Number;

    public override bool TryFormat(T value, Span<byte> destination, out int written) =>
        value.TryFormat(destination, out written, default, Invariant);

    public override bool TryParse(ReadOnlySpan<byte> text, out T value) =>
        T.TryParse(text, _styles, Invariant, out value!) || (_integral && TryParseWholeFloat(text, out value));

    private static bool TryParseWholeFloat(ReadOnlySpan<byte> text, out T value)
    {
        value = T.Zero;
        if (!WholeNumberText.TryParse(text, out var whole))
        {
            return false;
        }

        try
        {
            value = T.CreateChecked(whole);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
