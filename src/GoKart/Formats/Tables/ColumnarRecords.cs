using System.Collections;

namespace GoKart.Formats.Tables;

/// <summary>
/// A table loaded from a columnar file, handed out as records: the columns are the data, and each record is
/// made from its row the first time it is read, then kept, so it is the same object on every read (mutations
/// stay, as in a list). A load of 1,000,000 rows therefore costs the columns' read, not a million allocations the
/// caller may never touch; reading every row costs what building them eagerly did. Once every record exists the
/// columns are released.
/// </summary>
/// <remarks>Only for class records asked for as a read-only table (<c>IReadOnlyList&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c>); thread-safe.</remarks>
internal sealed class ColumnarRecords<TRecord> : IReadOnlyList<TRecord>
{
    // The compiled builder is asked for at the first read, not at the load: compiling it is a load's largest fixed cost.
    private readonly ColumnarAccess<TRecord> _access;

    // object, not TRecord: Interlocked needs a reference type and TRecord is unconstrained (only classes come here).
    private readonly object?[] _records;
    private Array?[]? _columns;
    private int _built;

    public ColumnarRecords(Array?[] columns, int count, ColumnarAccess<TRecord> access)
    {
        _columns = columns;
        _access = access;
        _records = new object?[count];
    }

    public int Count => _records.Length;

    public TRecord this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _records.Length);
            return _records[index] is { } record ? (TRecord)record : Make(index);
        }
    }

    public IEnumerator<TRecord> GetEnumerator()
    {
        for (var i = 0; i < _records.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private TRecord Make(int index)
    {
        // Read once: another thread may finish the last record and release the columns meanwhile.
        var columns = Volatile.Read(ref _columns);
        if (columns is null)
        {
            return (TRecord)_records[index]!;
        }

        var made = _access.Build(columns, index);
        if (Interlocked.CompareExchange(ref _records[index], made, null) is { } kept)
        {
            return (TRecord)kept;
        }

        if (Interlocked.Increment(ref _built) == _records.Length)
        {
            Volatile.Write(ref _columns, null);
        }

        return made;
    }
}
