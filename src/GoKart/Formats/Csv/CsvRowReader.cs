using System.Diagnostics.CodeAnalysis;
using System.Text;
using GoKart.Formats.Tables;

namespace GoKart.Formats.Csv;

/// <summary>
/// Parses RFC 4180 CSV from UTF-8 buffers into records. A cell is parsed only once its terminator is seen, so a
/// record cut by the buffer end is re-read whole after the next fill.
/// </summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class CsvRowReader<TRecord>
{
    private readonly RecordShape<TRecord> _shape;
    private readonly ColumnSlot[] _slots;
    private readonly byte _delimiter;
    private readonly string _location;
    private readonly bool _strict;
    private int[] _map = [];
    private List<string>? _header;
    private byte[] _scratch = new byte[256];
    private long _row;

    public CsvRowReader(RecordShape<TRecord> shape, byte delimiter, string location, bool strict)
    {
        _shape = shape;
        _slots = shape.CreateSlots();
        _delimiter = delimiter;
        _location = location;
        _strict = strict;
    }

    public List<TRecord> Rows { get; } = [];

    public bool HasHeader => _header is not null && _map.Length > 0;

    /// <summary>A reader for a later part of the same file: same header, own slots and rows.</summary>
    public CsvRowReader<TRecord> Fork()
    {
        var fork = new CsvRowReader<TRecord>(_shape, _delimiter, _location, _strict) { _map = _map, _header = _header, _row = _row };
        for (var i = 0; i < _slots.Length; i++)
        {
            fork._slots[i].Present = _slots[i].Present;
        }

        return fork;
    }

    /// <summary>Takes the rows a fork read, in order.</summary>
    public void Absorb(CsvRowReader<TRecord> fork)
    {
        Rows.AddRange(fork.Rows);
        _row += fork.Rows.Count;
    }

    /// <summary>Parses every complete record of <paramref name="data"/>; returns the bytes consumed.</summary>
    public int Parse(ReadOnlySpan<byte> data, bool isFinal)
    {
        var pos = 0;
        if (_header is null && data.StartsWith("\uFEFF"u8))
        {
            pos = 3;
        }

        while (true)
        {
            while (pos < data.Length && (data[pos] == (byte)'\n' || (data[pos] == (byte)'\r' && pos + 1 < data.Length && data[pos + 1] == (byte)'\n')))
            {
                pos += data[pos] == (byte)'\r' ? 2 : 1;
            }

            if (pos >= data.Length)
            {
                return pos;
            }

            // A record cut by the buffer's end is parsed again after the next fill: it must not be counted twice.
            var rowBefore = _row;
            var end = TryRecord(data, pos, isFinal);
            if (end < 0)
            {
                _row = rowBefore;
                return pos;
            }

            pos = end;
        }
    }

    private int TryRecord(ReadOnlySpan<byte> data, int pos, bool isFinal)
    {
        var readingHeader = _header is null;
        var header = readingHeader ? new List<string>() : null;
        if (!readingHeader)
        {
            _row++;
        }

        for (var field = 0; ; field++)
        {
            ReadOnlySpan<byte> cell;
            bool quoted;
            int after;
            if (data[pos] == (byte)'"')
            {
                quoted = true;
                var i = pos + 1;
                var escaped = false;
                while (true)
                {
                    var q = i < data.Length ? data[i..].IndexOf((byte)'"') : -1;
                    if (q < 0)
                    {
                        return Incomplete(isFinal, "a quoted cell is not closed");
                    }

                    i += q;
                    if (i + 1 < data.Length && data[i + 1] == (byte)'"')
                    {
                        escaped = true;
                        i += 2;
                        continue;
                    }

                    if (i + 1 >= data.Length && !isFinal)
                    {
                        return Incomplete(isFinal, string.Empty);
                    }

                    break;
                }

                cell = escaped ? Unescape(data[(pos + 1)..i]) : data[(pos + 1)..i];
                after = i + 1;
                if (after < data.Length && data[after] == (byte)'\r')
                {
                    after++;
                }

                if (after < data.Length && data[after] != _delimiter && data[after] != (byte)'\n')
                {
                    throw Error($"unexpected character after the closing quote of field {field + 1}");
                }
            }
            else
            {
                quoted = false;
                var t = data[pos..].IndexOfAny(_delimiter, (byte)'\n');
                if (t < 0)
                {
                    if (!isFinal)
                    {
                        return -1;
                    }

                    throw Error("the file ends without a newline (truncated?)");
                }

                after = pos + t;
                cell = data[pos..after];
                if (data[after] == (byte)'\n' && cell.Length > 0 && cell[^1] == (byte)'\r')
                {
                    cell = cell[..^1];
                }
            }

            if (after >= data.Length)
            {
                if (!isFinal)
                {
                    return -1;
                }

                throw Error("the file ends without a newline (truncated?)");
            }

            if (header is not null)
            {
                header.Add(Encoding.UTF8.GetString(cell));
            }
            else
            {
                Cell(field, cell, quoted);
            }

            pos = after + 1;
            if (data[after] == (byte)'\n')
            {
                if (header is not null)
                {
                    SetHeader(header);
                }
                else if (field + 1 != _map.Length)
                {
                    throw Error($"it has {field + 1} fields but the header has {_map.Length}; no value for column(s) {Quoted(_header!.Skip(field + 1))}");
                }
                else
                {
                    Rows.Add(_shape.Build(_slots));
                }

                return pos;
            }

            if (pos >= data.Length)
            {
                if (!isFinal)
                {
                    return -1;
                }

                // A trailing delimiter at the very end: an empty last cell with no newline.
                throw Error("the file ends without a newline (truncated?)");
            }
        }

        int Incomplete(bool final, string why)
        {
            if (!final)
            {
                return -1;
            }

            throw Error(why.Length > 0 ? why + " (truncated?)" : "the file ends inside a quoted cell (truncated?)");
        }
    }

    private void Cell(int field, ReadOnlySpan<byte> text, bool quoted)
    {
        if (field >= _map.Length)
        {
            throw Error($"it has more fields than the header ({_map.Length}): field {field + 1} has no column");
        }

        var index = _map[field];
        if (index < 0)
        {
            return;
        }

        var slot = _slots[index];
        var status = text.IsEmpty && !quoted ? slot.SetEmpty() : slot.Parse(text);
        if (status == CellStatus.Invalid && text.IsEmpty)
        {
            status = slot.SetEmpty();
        }

        if (status != CellStatus.Ok)
        {
            var column = _shape.Columns[index];
            var what = status == CellStatus.NullNotAllowed
                ? $"an empty value, but {column.TypeName} is not nullable"
                : $"'{Encoding.UTF8.GetString(text[..Math.Min(text.Length, 64)])}' is not a valid {column.TypeName}";
            throw new InvalidDataException($"{_location}: row {_row}, column '{column.Name}': {what}.");
        }
    }

    private void SetHeader(List<string> names)
    {
        _header = names;
        _map = new int[names.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var extra = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!seen.Add(names[i]))
            {
                throw new InvalidDataException($"{_location}: the header has column '{names[i]}' twice.");
            }

            var column = _shape.Find(names[i]);
            _map[i] = column?.Index ?? -1;
            if (column is null)
            {
                extra.Add(names[i]);
            }
            else
            {
                _slots[column.Index].Present = true;
            }
        }

        TableChecks.CheckHeader(_shape, seen, extra, _strict, _location);
    }

    private ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> quoted)
    {
        if (_scratch.Length < quoted.Length)
        {
            _scratch = new byte[quoted.Length * 2];
        }

        var length = 0;
        for (var i = 0; i < quoted.Length; i++)
        {
            _scratch[length++] = quoted[i];
            if (quoted[i] == (byte)'"')
            {
                i++;
            }
        }

        return _scratch.AsSpan(0, length);
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private InvalidDataException Error(string what) =>
        new(_header is null ? $"{_location}: the header line is malformed: {what}." : $"{_location}: row {_row}: {what}.");
}
