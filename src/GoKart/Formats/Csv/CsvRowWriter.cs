using GoKart.Formats.Tables;

namespace GoKart.Formats.Csv;

/// <summary>Formats rows into a byte buffer with RFC 4180 quoting; the caller flushes the buffer to the stream.</summary>
internal sealed class CsvRowWriter<TRecord>
{
    private const int FlushThreshold = 1 << 20;
    private readonly IReadOnlyList<TableColumn<TRecord>> _columns;
    private readonly byte _delimiter;
    private byte[] _buffer = new byte[FlushThreshold + (FlushThreshold / 4)];
    private int _length;
    private bool _pending;

    public CsvRowWriter(IReadOnlyList<TableColumn<TRecord>> columns, byte delimiter)
    {
        _columns = columns;
        _delimiter = delimiter;
    }

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public void Clear() => _length = 0;

    public void WriteHeader()
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            var name = _columns[i].Utf8Name;
            while (!TryAppendCell(name, i == 0, quoteCheck: true, name.Length))
            {
                Grow();
            }
        }

        _buffer[_length++] = (byte)'\n';
    }

    /// <summary>Formats rows until the buffer is full; false once the rows are exhausted.</summary>
    public bool Fill(IEnumerator<TRecord> rows)
    {
        while (_length < FlushThreshold)
        {
            if (!_pending && !rows.MoveNext())
            {
                return false;
            }

            _pending = true;
            if (!TryWriteRow(rows.Current))
            {
                if (_length > 0)
                {
                    return true;
                }

                Grow();
                continue;
            }

            _pending = false;
        }

        return true;
    }

    /// <summary>Formats rows [start, end) into the buffer, growing it as needed (for parallel blocks).</summary>
    public void WriteRange(IReadOnlyList<TRecord> rows, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            while (!TryWriteRow(rows[i]))
            {
                Grow();
            }
        }
    }

    private bool TryWriteRow(TRecord record)
    {
        var start = _length;
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            var cellStart = _length + (i == 0 ? 0 : 1);
            if (cellStart >= _buffer.Length || !column.TryFormat(record, _buffer.AsSpan(cellStart), out var written, out var isNull))
            {
                _length = start;
                return false;
            }

            if (i > 0)
            {
                _buffer[_length] = _delimiter;
            }

            _length = cellStart;
            if (isNull)
            {
                continue;
            }

            if (column.MayNeedQuotes && !TryQuoteInPlace(written))
            {
                _length = start;
                return false;
            }

            if (!column.MayNeedQuotes)
            {
                _length += written;
            }
        }

        if (_length >= _buffer.Length)
        {
            _length = start;
            return false;
        }

        _buffer[_length++] = (byte)'\n';
        return true;
    }

    private bool TryAppendCell(ReadOnlySpan<byte> text, bool first, bool quoteCheck, int length)
    {
        var start = _length;
        if (!first)
        {
            if (_length >= _buffer.Length)
            {
                return false;
            }

            _buffer[_length++] = _delimiter;
        }

        if (!text.TryCopyTo(_buffer.AsSpan(_length)) || (quoteCheck && !TryQuoteInPlace(length)))
        {
            _length = start;
            return false;
        }

        if (!quoteCheck)
        {
            _length += length;
        }

        return true;
    }

    /// <summary>Quotes the cell just formatted at <c>_length</c> when it needs it, and advances past it.</summary>
    private bool TryQuoteInPlace(int written)
    {
        var cell = _buffer.AsSpan(_length, written);
        if (written > 0 && cell.IndexOfAny(_delimiter, (byte)'"', (byte)'\n') < 0 && cell.IndexOf((byte)'\r') < 0)
        {
            _length += written;
            return true;
        }

        var quotes = cell.Count((byte)'"');
        var total = written + 2 + quotes;
        if (_length + total > _buffer.Length)
        {
            return false;
        }

        // Shift right-to-left so the source is read before it is overwritten.
        var source = _length + written - 1;
        var target = _length + total - 1;
        _buffer[target--] = (byte)'"';
        for (; source >= _length; source--)
        {
            _buffer[target--] = _buffer[source];
            if (_buffer[source] == (byte)'"')
            {
                _buffer[target--] = (byte)'"';
            }
        }

        _buffer[target] = (byte)'"';
        _length += total;
        return true;
    }

    private void Grow() => Array.Resize(ref _buffer, _buffer.Length * 2);
}
