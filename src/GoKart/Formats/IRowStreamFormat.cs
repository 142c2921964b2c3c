namespace GoKart.Formats;

/// <summary>
/// A table format that reads and writes records one at a time (gokart's <c>load_generator</c>), so a task can stream a
/// file larger than memory. CSV, TSV and NDJSON stream row by row through a bounded buffer; GoKart.Parquet streams by
/// row group and GoKart.Arrow by record batch. Used for <c>IAsyncEnumerable&lt;TRecord&gt;</c> outputs and
/// <see cref="TaskOnKart"/>'s <c>LoadRowsAsync</c>; a format without it is read whole and then enumerated.
/// </summary>
public interface IRowStreamFormat
{
    /// <summary>The records of <paramref name="stream"/>, read as they are enumerated; errors name the file, row and column.</summary>
    IAsyncEnumerable<TRecord> ReadRowsAsync<TRecord>(Stream stream, FormatContext context, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="rows"/> as they come; an exception from them propagates (the caller discards the output).</summary>
    ValueTask WriteRowsAsync<TRecord>(Stream stream, IAsyncEnumerable<TRecord> rows, FormatContext context, CancellationToken cancellationToken);
}
