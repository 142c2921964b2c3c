using System.Runtime.ExceptionServices;
using Apache.Arrow;
using Array = System.Array;

namespace GoKart.Arrow;

/// <summary>
/// The column arrays a load copies record batches into, one <c>TProp[]</c> per property (null for a property the file
/// lacks), in the shape <see cref="GoKart.Formats.Tables.ColumnarAccess{TRecord}"/> builds records from. A whole-table
/// load appends every batch to the same arrays, sized once from the first batch (the same arrays an .npz load reads
/// into, so the table can be handed out as columns); a stream overwrites them with each batch, so it allocates them
/// once, not per batch.
/// </summary>
internal sealed class BatchColumns
{
    // Below this many values a batch's columns are copied on the calling thread: handing them to the pool costs more.
    private const long ParallelValues = 1 << 16;

    private readonly ArrowColumn[] _columns;
    private readonly int[] _indexes;
    private readonly string _location;
    private readonly int _rowBytes;

    public BatchColumns(ArrowColumn[] columns, int[] indexes, string location)
    {
        _columns = columns;
        _indexes = indexes;
        _location = location;
        Arrays = new Array?[columns.Length];
        _rowBytes = Math.Max(1, Enumerable.Range(0, columns.Length).Where(j => indexes[j] >= 0).Sum(j => columns[j].ValueSize));
    }

    /// <summary>The columns (null where the file lacks the property); only the first <see cref="Count"/> elements are values.</summary>
    public Array?[] Arrays { get; }

    /// <summary>The rows the arrays hold.</summary>
    public int Count { get; private set; }

    /// <summary>Rows read before the ones the arrays hold (for errors naming a row).</summary>
    public long RowsBefore { get; private set; }

    /// <summary>
    /// Appends a batch after the rows already read. <paramref name="batches"/> (the file's batch count) and
    /// <paramref name="fileLength"/> size the arrays at the first batch: writers (pyarrow, ours) make every batch but
    /// the last the same length, so first × count is the table's length or slightly more. The guess is trusted only
    /// while it is plausible for the file's size; otherwise, and when a later batch does not fit, the arrays grow.
    /// </summary>
    public void Append(RecordBatch batch, int batches, long fileLength)
    {
        var needed = (long)Count + batch.Length;
        if (needed > Array.MaxLength)
        {
            throw new InvalidDataException($"{_location}: more than {Array.MaxLength:N0} rows, which a .NET list cannot hold; load it as a stream.");
        }

        if (Count == 0 && Capacity() == 0)
        {
            var guess = (long)batch.Length * Math.Max(batches, 1);
            var plausible = guess <= Array.MaxLength && guess * _rowBytes <= (8 * fileLength) + (1 << 20);
            Resize(plausible ? (int)guess : batch.Length);
        }
        else if (needed > Capacity())
        {
            Resize((int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * Capacity())));
        }

        Copy(batch, Count);
        Count += batch.Length;
    }

    /// <summary>Replaces the rows with a batch's, reusing the arrays when they are large enough.</summary>
    public void Replace(RecordBatch batch)
    {
        RowsBefore += Count;
        if (batch.Length > Capacity())
        {
            Count = 0;
            Resize(batch.Length);
        }

        Copy(batch, 0);
        Count = batch.Length;
    }

    private int Capacity() => Arrays.FirstOrDefault(a => a is not null)?.Length ?? (Count == 0 ? 0 : int.MaxValue);

    private void Resize(int capacity)
    {
        for (var j = 0; j < _columns.Length; j++)
        {
            if (_indexes[j] < 0)
            {
                continue;
            }

            var fresh = _columns[j].Allocate(capacity);
            if (Arrays[j] is { } old && Count > 0)
            {
                Array.Copy(old, fresh, Count);
            }

            Arrays[j] = fresh;
        }
    }

    private void Copy(RecordBatch batch, int offset)
    {
        var firstRow = RowsBefore + offset;
        var present = Enumerable.Range(0, _columns.Length).Where(j => _indexes[j] >= 0).ToArray();
        if ((long)batch.Length * present.Length < ParallelValues || present.Length < 2)
        {
            foreach (var j in present)
            {
                Read(j, batch, offset, firstRow);
            }

            return;
        }

        // Each column to its own array, so they can be copied at once; a failure is reported for the first column
        // that failed, as the sequential copy would.
        var errors = new ExceptionDispatchInfo?[present.Length];
        Parallel.For(0, present.Length, k =>
        {
            var j = present[k];
            try
            {
                Read(j, batch, offset, firstRow);
            }
            catch (Exception e)
            {
                // Kept and rethrown after the loop as it is, not wrapped in an AggregateException.
                errors[k] = ExceptionDispatchInfo.Capture(e);
            }
        });
        errors.FirstOrDefault(e => e is not null)?.Throw();
    }

    private void Read(int j, RecordBatch batch, int offset, long firstRow)
    {
        try
        {
            _columns[j].ReadInto(batch.Column(_indexes[j]), Arrays[j]!, offset, firstRow, _location);
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            // Apache.Arrow checks a batch's layout only partly: damaged buffers can fail here, inside its arrays.
            throw new InvalidDataException($"{_location}: column '{_columns[j].Name}' of the batch at row {firstRow + 1} is not readable (corrupt file?): {e.Message}", e);
        }
    }
}
