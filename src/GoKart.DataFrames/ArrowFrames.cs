using Apache.Arrow.Ipc;
using GoKart.Formats;
using Microsoft.Data.Analysis;

namespace GoKart.DataFrames;

/// <summary>A DataFrame as an Arrow IPC file (Microsoft.Data.Analysis' own Arrow conversion keeps names and types).</summary>
internal sealed class ArrowFrames : IDataFrameCodec
{
    // The column types Microsoft.Data.Analysis converts to Arrow and the tests prove; others (decimal, DateTime, char)
    // would fail inside its ToArrowRecordBatches with NotImplementedException, naming nothing.
    private static readonly HashSet<Type> Written =
    [
        typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(string),
    ];

    public async ValueTask WriteAsync(Stream stream, DataFrame frame, FormatContext context, CancellationToken cancellationToken)
    {
        if (frame.Columns.FirstOrDefault(c => !Written.Contains(c.DataType)) is { } unsupported)
        {
            throw new NotSupportedException(
                $"{context.Location}: DataFrame column '{unsupported.Name}' holds {unsupported.DataType.Name}, which feather/arrow DataFrame output does not support yet (number, bool and string columns are; use a typed record list for decimal and dates).");
        }

        ArrowFileWriter? writer = null;
        try
        {
            foreach (var batch in WithArrowStrings(frame).ToArrowRecordBatches())
            {
                if (writer is null)
                {
                    writer = new ArrowFileWriter(stream, batch.Schema, leaveOpen: true);
                    await writer.WriteStartAsync(cancellationToken).ConfigureAwait(false);
                }

                await writer.WriteRecordBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            if (writer is null)
            {
                throw new InvalidDataException($"{context.Location}: a DataFrame without columns cannot be written as Arrow.");
            }

            await writer.WriteEndAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer?.Dispose();
        }
    }

    public async ValueTask<DataFrame> ReadAsync(Stream stream, FormatContext context, CancellationToken cancellationToken)
    {
        var seekable = stream;
        if (!stream.CanSeek)
        {
            seekable = new MemoryStream();
            await stream.CopyToAsync(seekable, cancellationToken).ConfigureAwait(false);
            seekable.Position = 0;
        }

        try
        {
            using var reader = new ArrowFileReader(seekable, (Apache.Arrow.Memory.MemoryAllocator?)null, new Apache.Arrow.Compression.CompressionCodecFactory(), leaveOpen: true);
            DataFrame? frame = null;
            while (await reader.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false) is { } batch)
            {
                var part = DataFrame.FromArrowRecordBatch(batch);
                frame = frame is null ? part : frame.Append(part.Rows, inPlace: true);
            }

            return frame ?? DataFrame.FromArrowRecordBatch(new Apache.Arrow.RecordBatch(reader.Schema, [], 0));
        }
        catch (Exception e) when (e is not OperationCanceledException and not InvalidDataException)
        {
            throw new InvalidDataException($"{context.Location}: not a readable Arrow IPC file as a DataFrame (truncated or corrupt?): {e.Message}", e);
        }
        finally
        {
            if (!ReferenceEquals(seekable, stream))
            {
                await seekable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The frame with every <see cref="StringDataFrameColumn"/> (the usual string column, which
    /// <see cref="DataFrame.ToArrowRecordBatches"/> rejects) as an <see cref="ArrowStringDataFrameColumn"/> holding the same values.
    /// </summary>
    private static DataFrame WithArrowStrings(DataFrame frame) =>
        frame.Columns.Any(c => c is StringDataFrameColumn)
            ? new DataFrame(frame.Columns.Select(c => c is StringDataFrameColumn s ? ToArrowStrings(s) : c))
            : frame;

    private static ArrowStringDataFrameColumn ToArrowStrings(StringDataFrameColumn column)
    {
        var length = checked((int)column.Length);
        var offsets = new int[length + 1];
        var valid = new byte[(length + 7) / 8];
        using var data = new MemoryStream();
        var nulls = 0;
        for (var i = 0; i < length; i++)
        {
            if (column[i] is { } text)
            {
                data.Write(System.Text.Encoding.UTF8.GetBytes(text));
                valid[i / 8] |= (byte)(1 << (i % 8));
            }
            else
            {
                nulls++;
            }

            offsets[i + 1] = checked((int)data.Length);
        }

        var offsetBytes = new byte[offsets.Length * sizeof(int)];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(offsets.AsSpan()).CopyTo(offsetBytes);
        return new ArrowStringDataFrameColumn(column.Name, data.ToArray(), offsetBytes, valid, length, nulls);
    }
}
