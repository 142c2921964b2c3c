using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text;
using GoKart.Formats.Tables;

namespace GoKart.Formats.Json;

/// <summary>Reads JSON objects into records through the same slots and checks as CSV.</summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class JsonRecordReader<TRecord>
{
    private readonly RecordShape<TRecord> _shape;
    private readonly ColumnSlot[] _slots;
    private readonly string _location;
    private readonly bool _strict;

    public JsonRecordReader(RecordShape<TRecord> shape, string location, bool strict)
    {
        _shape = shape;
        _slots = shape.CreateSlots();
        _location = location;
        _strict = strict;
    }

    public long Row { get; private set; }

    /// <summary>A reader for a later part of the same file, numbering rows after this one's.</summary>
    public JsonRecordReader<TRecord> Fork() => new(_shape, _location, _strict) { Row = Row };

    /// <summary>Counts the rows a fork read.</summary>
    public void Absorb(int rows) => Row += rows;

    /// <summary>Reads the object the reader is on (its StartObject token) and builds the record.</summary>
    public TRecord ReadObject(ref Utf8JsonReader reader)
    {
        Row++;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error($"expected an object, found {reader.TokenType}");
        }

        foreach (var slot in _slots)
        {
            slot.Present = false;
        }

        var expected = 0;
        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndObject)
        {
            var column = FindColumn(ref reader, expected);
            var name = _strict && column is null ? reader.GetString() : null;
            Next(ref reader);
            if (column is null)
            {
                if (_strict)
                {
                    throw Error($"property '{name}' is not a column of {typeof(TRecord).Name} (StrictColumns is set)");
                }

                if (!reader.TrySkip())
                {
                    throw Incomplete();
                }

                continue;
            }

            expected = column.Index + 1;
            var slot = _slots[column.Index];
            var status = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? CellStatus.Invalid : slot.ReadJson(ref reader);
            if (status != CellStatus.Ok)
            {
                var what = status == CellStatus.NullNotAllowed
                    ? $"null, but {column.TypeName} is not nullable"
                    : $"{Describe(ref reader)} is not a valid {column.TypeName}";
                throw new InvalidDataException($"{_location}: row {Row}, column '{column.Name}': {what}.");
            }

            slot.Present = true;
        }

        foreach (var column in _shape.Columns)
        {
            if (column.Required && !_slots[column.Index].Present)
            {
                throw new InvalidDataException($"{_location}: row {Row}: missing required column '{column.Name}' ({column.TypeName}) of {typeof(TRecord).Name}.");
            }
        }

        return _shape.Build(_slots);
    }

    public InvalidDataException Error(string what) => new($"{_location}: row {Row}: {what}.");

    // Only a reader over a partial block runs out inside an object (a final block throws JsonException instead):
    // the caller refills its buffer and reads the object again, so the row is not counted twice.
    private bool Next(ref Utf8JsonReader reader) => reader.Read() ? true : throw Incomplete();

    private IncompleteJsonObjectException Incomplete()
    {
        Row--;
        return new IncompleteJsonObjectException();
    }

    private TableColumn<TRecord>? FindColumn(ref Utf8JsonReader reader, int expected)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return _shape.Find(reader.GetString()!);
        }

        var name = reader.ValueSpan;
        var columns = _shape.Columns;
        if (expected < columns.Count && name.SequenceEqual(columns[expected].Utf8Name))
        {
            return columns[expected];
        }

        foreach (var column in columns)
        {
            if (name.SequenceEqual(column.Utf8Name))
            {
                return column;
            }
        }

        return null;
    }

    private static string Describe(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
            ? $"a JSON {(reader.TokenType == JsonTokenType.StartObject ? "object" : "array")}"
            : $"'{Encoding.UTF8.GetString(reader.ValueSpan[..Math.Min(reader.ValueSpan.Length, 64)])}'";
}
