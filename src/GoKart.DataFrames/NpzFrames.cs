using GoKart.Formats;
using Microsoft.Data.Analysis;

namespace GoKart.DataFrames;

/// <summary>
/// A DataFrame as an <c>.npz</c> of one 1-D array per column (what <c>pd.DataFrame(dict(np.load(p)))</c> reads), through
/// the core npz format: number and bool columns as they are (an integer or bool column with nulls becomes float64 with
/// NaN, as pandas does), string columns as unicode arrays (null as "").
/// </summary>
internal sealed class NpzFrames(IFormat npz) : IDataFrameCodec
{
    public async ValueTask WriteAsync(Stream stream, DataFrame frame, FormatContext context, CancellationToken cancellationToken)
    {
        var arrays = new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach (var column in frame.Columns)
        {
            arrays[column.Name] = ToArray(column, context.Location);
        }

        await npz.WriteAsync(stream, arrays, typeof(Dictionary<string, Array>), context, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<DataFrame> ReadAsync(Stream stream, FormatContext context, CancellationToken cancellationToken)
    {
        var arrays = (IDictionary<string, Array>)(await npz.ReadAsync(stream, typeof(Dictionary<string, Array>), context, cancellationToken).ConfigureAwait(false))!;
        return new DataFrame(arrays.Select(pair => FromArray(pair.Key, pair.Value, context.Location)));
    }

    private static Array ToArray(DataFrameColumn column, string location)
    {
        var length = checked((int)column.Length);
        if (column.DataType == typeof(string))
        {
            return Enumerable.Range(0, length).Select(i => (string?)column[i] ?? "").ToArray();
        }

        if (!column.DataType.IsPrimitive || column.DataType == typeof(char))
        {
            throw new NotSupportedException($"{location}: DataFrame column '{column.Name}' holds {column.DataType.Name}, which this npz writer does not store.");
        }

        if (column.NullCount > 0 || column.DataType == typeof(double))
        {
            return Enumerable.Range(0, length).Select(i => column[i] is { } v ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : double.NaN).ToArray();
        }

        var array = Array.CreateInstance(column.DataType, length);
        for (var i = 0; i < length; i++)
        {
            array.SetValue(column[i], i);
        }

        return array;
    }

    private static DataFrameColumn FromArray(string name, Array array, string location)
    {
        var element = array.GetType().GetElementType()!;
        if (array.Rank != 1)
        {
            throw new InvalidDataException($"{location}: array '{name}' has {array.Rank} dimensions; a DataFrame column needs 1.");
        }

        if (element == typeof(string))
        {
            return new StringDataFrameColumn(name, (string[])array);
        }

        if (!element.IsPrimitive || element == typeof(nint) || element == typeof(nuint))
        {
            throw new InvalidDataException($"{location}: array '{name}' holds {element.Name}, which a DataFrame load does not read.");
        }

        var column = (DataFrameColumn)Activator.CreateInstance(typeof(PrimitiveDataFrameColumn<>).MakeGenericType(element), name, (long)array.Length)!;
        for (var i = 0; i < array.Length; i++)
        {
            column[i] = array.GetValue(i);
        }

        return column;
    }
}
