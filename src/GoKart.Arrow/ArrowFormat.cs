using GoKart.Formats;
using GoKart.Formats.Tables;

namespace GoKart.Arrow;

/// <summary>
/// <c>.feather</c> and <c>.arrow</c>: the Arrow IPC file format (Feather v2, Apache.Arrow) for typed tables
/// (<c>IReadOnlyList&lt;TRecord&gt;</c>), as pandas' <c>to_feather</c> / <c>read_feather</c> see them, written and read one
/// record batch at a time; loads read uncompressed, LZ4 and zstd files. Options:
/// <see cref="ArrowFormatOptions"/>. Register it with <see cref="ArrowRegistration.AddArrow"/>.
/// </summary>
public sealed class ArrowFormat : IFormat, IRowStreamFormat
{
    /// <inheritdoc />
    public string Name => "feather";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".feather", ".arrow"];

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
    /// <remarks>One record batch is in memory at a time; a stream that cannot seek is spooled to a temporary file first.</remarks>
    public async IAsyncEnumerable<TRecord> ReadRowsAsync<TRecord>(Stream stream, FormatContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seekable = await SeekableStreams.EnsureAsync(stream, cancellationToken).ConfigureAwait(false);
        await using (seekable.ConfigureAwait(false))
        {
            await foreach (var row in ArrowTableCodec<TRecord>.ReadRowsAsync(seekable.Stream, context, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>One record batch (<see cref="ArrowFormatOptions.BatchSize"/> rows) is in memory at a time.</remarks>
    public ValueTask WriteRowsAsync<TRecord>(Stream stream, IAsyncEnumerable<TRecord> rows, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        return ArrowTableCodec<TRecord>.WriteAsync(stream, rows, context, cancellationToken);
    }

    private static System.Reflection.MethodInfo Generic(Type type, string location, string name)
    {
        if (!TableTypes.TryGetRecordType(type, out var record))
        {
            throw new NotSupportedException($"{location}: .feather and .arrow hold tables (IReadOnlyList<TRecord>), not {type.Name}.");
        }

        return typeof(ArrowFormat).GetMethod(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(record);
    }

    private static string? Problem(Type record, string location) =>
        (string?)typeof(ArrowTableCodec<>).MakeGenericType(record).GetMethod(nameof(ArrowTableCodec<object>.Problem))!.Invoke(null, [location]);

    private static async ValueTask WriteTableAsync<TRecord>(Stream stream, object? value, FormatContext context, CancellationToken cancellationToken) =>
        await ArrowTableCodec<TRecord>.WriteAsync(stream, TableTypes.Rows<TRecord>(value, context.Location), context, cancellationToken).ConfigureAwait(false);

    private static async ValueTask<object?> ReadTableAsync<TRecord>(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var seekable = await SeekableStreams.EnsureAsync(stream, cancellationToken).ConfigureAwait(false);
        await using (seekable.ConfigureAwait(false))
        {
            return await ArrowTableCodec<TRecord>.ReadTableAsync(seekable.Stream, type, context, cancellationToken).ConfigureAwait(false);
        }
    }
}
