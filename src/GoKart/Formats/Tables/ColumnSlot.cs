using System.Text.Json;

namespace GoKart.Formats.Tables;

/// <summary>The outcome of reading one cell.</summary>
internal enum CellStatus
{
    Ok,
    Invalid,
    NullNotAllowed,
}

/// <summary>
/// Holds one column's value of the row being read; the compiled record builder reads it without boxing.
/// One set of slots per read, reused for every row.
/// </summary>
internal abstract class ColumnSlot
{
    /// <summary>Whether the current row has this column; absent columns keep the record's default.</summary>
    public bool Present { get; set; }

    public abstract CellStatus Parse(ReadOnlySpan<byte> text);

    /// <summary>An empty, unquoted CSV cell.</summary>
    public abstract CellStatus SetEmpty();

    /// <summary>A JSON null.</summary>
    public abstract CellStatus SetNull();

    public abstract CellStatus ReadJson(ref Utf8JsonReader reader);
}

/// <inheritdoc />
internal sealed class ColumnSlot<TValue> : ColumnSlot
{
    private readonly ValueCodec<TValue> _codec;
    private readonly bool _allowsNull;

    public ColumnSlot(ValueCodec<TValue> codec, bool allowsNull)
    {
        _codec = codec;
        _allowsNull = allowsNull;
    }

    // A public field so the compiled builder reads it directly.
#pragma warning disable CA1051
    public TValue Value = default!;
#pragma warning restore CA1051

    public override CellStatus Parse(ReadOnlySpan<byte> text) =>
        _codec.TryParse(text, out Value) ? CellStatus.Ok : CellStatus.Invalid;

    public override CellStatus SetEmpty()
    {
        if (SetNull() == CellStatus.Ok)
        {
            return CellStatus.Ok;
        }

        // pandas writes "" as an empty cell: a non-nullable string column reads it as "".
        if (typeof(TValue) == typeof(string))
        {
            Value = (TValue)(object)string.Empty;
            return CellStatus.Ok;
        }

        return CellStatus.NullNotAllowed;
    }

    public override CellStatus SetNull()
    {
        if (_codec.TryGetMissing(out var missing) && (_allowsNull || !_codec.IsNull(missing)))
        {
            Value = missing;
            return CellStatus.Ok;
        }

        return CellStatus.NullNotAllowed;
    }

    public override CellStatus ReadJson(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? SetNull()
        : _codec.TryReadJson(ref reader, out Value) ? CellStatus.Ok : CellStatus.Invalid;
}
