using GoKart.Formats;
using GoKart.Formats.Tables;

namespace GoKart.Parquet;

/// <summary>
/// <c>.parquet</c> (Parquet.Net): typed tables (<c>IReadOnlyList&lt;TRecord&gt;</c>) as pandas' <c>to_parquet</c> /
/// <c>read_parquet</c> see them, snappy-compressed by default, written and read one row group at a time. Options:
/// <see cref="ParquetFormatOptions"/>. Register it with <see cref="ParquetRegistration.AddParquet"/>.
/// </summary>
public sealed class ParquetFormat : IFormat, IRowStreamFormat
{
    /// <inheritdoc />
    public string Name => "parquet";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".parquet"];

    /// <inheritdoc />
    public bool Supports(Type type) =>
        TableTypes.TryGetRecordType(type, out var record) && Problem(record, type.Name) is null;

    /// <inheritdoc />
    public ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (ValueTask)Generic(type, context.Location, nameof(WriteTableAsync)).Invoke(null, [stream, value, context, cancellationToken])!;
    }

    /// <inheritdoc />
    public ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (ValueTask<object?>)Generic(type, context.Location, nameof(ReadTableAsync)).Invoke(null, [stream, type, context, cancellationToken])!;
    }

    /// <inheritdoc />
    /// <remarks>One row group is in memory at a time; a stream that cannot seek is spooled to a temporary file first.</remarks>
    public async IAsyncEnumerable<TRecord> ReadRowsAsync<TRecord>(Stream stream, FormatContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seekable = await SeekableStreams.EnsureAsync(stream, cancellationToken).ConfigureAwait(false);
        await using (seekable.ConfigureAwait(false))
        {
            await foreach (var row in ParquetTableCodec<TRecord>.ReadRowsAsync(seekable.Stream, context, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>One row group (<see cref="ParquetFormatOptions.RowGroupSize"/> rows) is in memory at a time.</remarks>
    public ValueTask WriteRowsAsync<TRecord>(Stream stream, IAsyncEnumerable<TRecord> rows, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        return ParquetTableCodec<TRecord>.WriteAsync(stream, rows, context, cancellationToken);
    }

    private static System.Reflection.MethodInfo Generic(Type type, string location, string name)
    {
        if (!TableTypes.TryGetRecordType(type, out var record))
        {
            throw new NotSupportedException($"{location}: .parquet holds tables (IReadOnlyList<TRecord>), not {type.Name}.");
        }

        return typeof(ParquetFormat).GetMethod(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(record);
    }

    private static string? Problem(Type record, string location) =>
        (string?)typeof(ParquetTableCodec<>).MakeGenericType(record).GetMethod(nameof(ParquetTableCodec<object>.Problem))!.Invoke(null, [location]);

    private static async ValueTask WriteTableAsync<TRecord>(Stream stream, object? value, FormatContext context, CancellationToken cancellationToken) =>
        await ParquetTableCodec<TRecord>.WriteAsync(stream, TableTypes.Rows<TRecord>(value, context.Location), context, cancellationToken).ConfigureAwait(false);

    private static async ValueTask<object?> ReadTableAsync<TRecord>(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var seekable = await SeekableStreams.EnsureAsync(stream, cancellationToken).ConfigureAwait(false);
        await using (seekable.ConfigureAwait(false))
        {
            return await ParquetTableCodec<TRecord>.ReadTableAsync(seekable.Stream, type, context, cancellationToken).ConfigureAwait(false);
        }
    }
}
