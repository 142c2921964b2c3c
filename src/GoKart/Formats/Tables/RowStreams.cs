using System.Reflection;
using System.Runtime.CompilerServices;

namespace GoKart.Formats.Tables;

/// <summary>
/// <c>IAsyncEnumerable&lt;TRecord&gt;</c> as a task output type: written through <see cref="IRowStreamFormat"/>, and
/// loaded lazily (the file is opened when enumeration starts and closed when it ends).
/// </summary>
internal static class RowStreams
{
    private static readonly MethodInfo WriteMethod = typeof(RowStreams).GetMethod(nameof(WriteRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo LazyMethod = typeof(RowStreams).GetMethod(nameof(Lazy), BindingFlags.Public | BindingFlags.Static)!;

    /// <summary>The record type of <c>IAsyncEnumerable&lt;TRecord&gt;</c>.</summary>
    public static bool IsRowStream(Type type, out Type record)
    {
        record = null!;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IAsyncEnumerable<>))
        {
            return false;
        }

        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported($"An {type.Name} output (a row stream)");
        }

        if (TableTypes.ProblemOf(type.GetGenericArguments()[0]) is null)
        {
            record = type.GetGenericArguments()[0];
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="format"/> can store <paramref name="type"/>, row streams included.</summary>
    public static bool Supports(IFormat format, Type type) =>
        !IsRowStream(type, out var record) ? format.Supports(type)
        : DynamicCode.IsSupported ? format is IRowStreamFormat && format.Supports(typeof(IReadOnlyList<>).MakeGenericType(record))
        : throw DynamicCode.NotSupported($"An {type.Name} output (a row stream)");

    /// <summary>Writes a value of <paramref name="type"/>, streaming it when <paramref name="record"/> (the row-stream record type, found once by the caller) is not null.</summary>
    public static ValueTask WriteAsync(IFormat format, Stream stream, object? value, Type type, Type? record, FormatContext context, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            return format.WriteAsync(stream, value, type, context, cancellationToken);
        }

        if (format is not IRowStreamFormat rows)
        {
            throw new NotSupportedException($"{context.Location}: the {format.Name} format cannot stream rows (csv, tsv, ndjson, parquet and feather can).");
        }

        if (value is null)
        {
            throw new InvalidDataException($"{context.Location}: the row stream is null.");
        }

        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported($"{context.Location}: a row stream");
        }

        return (ValueTask)WriteMethod.MakeGenericMethod(record).Invoke(null, [rows, stream, value, context, cancellationToken])!;
    }

    /// <summary>The records of a file, read when enumerated: through <see cref="IRowStreamFormat"/>, else read whole first.</summary>
    public static async IAsyncEnumerable<TRecord> Lazy<TRecord>(
        IFormat format, Func<CancellationToken, ValueTask<Stream>> open, FormatContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await open(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (format is IRowStreamFormat rows)
            {
                await foreach (var row in rows.ReadRowsAsync<TRecord>(stream, context, cancellationToken).ConfigureAwait(false))
                {
                    yield return row;
                }

                yield break;
            }

            var table = (IReadOnlyList<TRecord>)(await format.ReadAsync(stream, typeof(IReadOnlyList<TRecord>), context, cancellationToken).ConfigureAwait(false))!;
            foreach (var row in table)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return row;
            }
        }
    }

    /// <summary><see cref="Lazy{TRecord}"/> for a record type known at run time, as an <c>IAsyncEnumerable&lt;TRecord&gt;</c>.</summary>
    public static object LazyOf(Type record, IFormat format, Func<CancellationToken, ValueTask<Stream>> open, FormatContext context) =>
        DynamicCode.IsSupported ? LazyMethod.MakeGenericMethod(record).Invoke(null, [format, open, context, CancellationToken.None])!
        : throw DynamicCode.NotSupported($"{context.Location}: a row stream");

    private static ValueTask WriteRowsAsync<TRecord>(IRowStreamFormat format, Stream stream, object value, FormatContext context, CancellationToken cancellationToken) =>
        format.WriteRowsAsync(stream, (IAsyncEnumerable<TRecord>)value, context, cancellationToken);
}
