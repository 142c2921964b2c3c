using Parquet;
using Parquet.Schema;

namespace GoKart.Parquet;

/// <summary>A property stored as a UTF-8 string column: string, char, enums (by name).</summary>
internal sealed class StringColumn<TProp> : ParquetColumn
{
    private readonly Func<TProp, string?> _toText;
    private readonly Func<string, TProp> _fromText;

    // fromText: Throws <see cref="FormatException"/> or <see cref="ArgumentException"/> for text the property cannot hold.
    public StringColumn(string name, string typeName, bool allowsNull, Func<TProp, string?> toText, Func<string, TProp> fromText)
        : base(name, typeName, allowsNull, new DataField<string>(name, true))
    {
        _toText = toText;
        _fromText = fromText;
    }

    public override Array Allocate(int length) => new TProp[length];

    public override bool Accepts(DataField fileField) => fileField.ClrType == typeof(ReadOnlyMemory<char>) || fileField.ClrType == typeof(string);

    public override async Task WriteAsync(ParquetRowGroupWriter writer, Array values, int count, long firstRow, string location, CancellationToken cancellationToken)
    {
        var typed = (TProp[])values;

        // Strings go as they are (no copy per row group: a copy of 16,384 references is already a large-object-heap array).
        var texts = typed as string?[] ?? new string?[count];
        for (var i = 0; i < count; i++)
        {
            if (!ReferenceEquals(texts, typed))
            {
                texts[i] = _toText(typed[i]);
            }

            if (texts[i] is null && !AllowsNull)
            {
                throw RowError(location, firstRow + i, $"null, but {TypeName} is not nullable.");
            }
        }

        await writer.WriteAsync(Field, new ArraySegment<string?>(texts, 0, count), null).ConfigureAwait(false);
    }

    public override async Task ReadIntoAsync(ParquetRowGroupReader reader, DataField fileField, Array destination, int offset, int count, long firstRow, string location, CancellationToken cancellationToken)
    {
        if (typeof(TProp) == typeof(string) && AllowsNull)
        {
            await reader.ReadAsync(fileField, ((string?[])destination).AsMemory(offset, count), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        await base.ReadIntoAsync(reader, fileField, destination, offset, count, firstRow, location, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<Array> ReadAsync(ParquetRowGroupReader reader, DataField fileField, int count, long firstRow, string location, CancellationToken cancellationToken)
    {
        var texts = new string?[count];
        await reader.ReadAsync(fileField, texts.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        if (typeof(TProp) == typeof(string) && AllowsNull)
        {
            return texts;
        }

        var result = new TProp[count];
        for (var i = 0; i < count; i++)
        {
            if (texts[i] is null)
            {
                if (!AllowsNull)
                {
                    throw RowError(location, firstRow + i, $"a null value, but {TypeName} is not nullable.");
                }

                continue;
            }

            try
            {
                result[i] = _fromText(texts[i]!);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw RowError(location, firstRow + i, $"'{texts[i]}' is not a valid {TypeName}.");
            }
        }

        return result;
    }
}
