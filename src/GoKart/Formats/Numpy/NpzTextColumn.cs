using System.Diagnostics.CodeAnalysis;
using System.Text;
using GoKart.Formats.Tables;

namespace GoKart.Formats.Numpy;

/// <summary>
/// Types numpy has no dtype for (enums, Guid, decimal, BigInteger, char) as <c>&lt;U n</c> of the exact text CSV
/// writes (enum names, Guid "D", invariant numbers), read back with the CSV parser: lossless, and a plain str column
/// in pandas. Null is the empty string, as in CSV.
/// </summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class NpzTextColumn<T> : NpzColumn
{
    private readonly ValueCodec<T> _codec = (ValueCodec<T>)ValueCodecs.TryCreate(typeof(T))!;

    public override string Accepts => "unicode strings (<U n) of its text";

    public override async ValueTask WriteAsync(Stream stream, Array values, NpzColumnSite site, CancellationToken cancellationToken)
    {
        var source = (T[])values;
        var texts = new string?[source.Length];
        var buffer = new byte[256];
        for (var i = 0; i < texts.Length; i++)
        {
            var value = source[i];
            if (_codec.IsNull(value))
            {
                continue;
            }

            int written;
            while (!_codec.TryFormat(value, buffer, out written))
            {
                // Only a huge BigInteger outgrows the buffer.
                buffer = new byte[buffer.Length * 2];
            }

            texts[i] = Encoding.UTF8.GetString(buffer, 0, written);
        }

        await NpyStrings.WriteAsync(stream, texts, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask<Array> ReadAsync(Stream stream, NpyHeader header, NpzColumnSite site, CancellationToken cancellationToken)
    {
        var texts = await NpzStringColumn.ReadStringsAsync(stream, header, site, Accepts, cancellationToken).ConfigureAwait(false);
        var slot = new ColumnSlot<T>(_codec, allowsNull: Nullable.GetUnderlyingType(typeof(T)) is not null);
        var values = new T[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i];
            var status = text.Length == 0 ? slot.SetEmpty() : slot.Parse(Encoding.UTF8.GetBytes(text));
            if (status != CellStatus.Ok)
            {
                throw site.AtRow(i, status == CellStatus.NullNotAllowed
                    ? $"an empty string, but {site.TypeName} is not nullable"
                    : $"'{(text.Length > 64 ? text[..64] + "..." : text)}' is not a valid {site.TypeName}");
            }

            values[i] = slot.Value;
        }

        return values;
    }
}
