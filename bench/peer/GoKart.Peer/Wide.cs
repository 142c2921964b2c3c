using System.Globalization;

namespace GoKart.Peer;

/// <summary>One row of the 1,000,000 x 10 doubles table.</summary>
public sealed record WideRow(double C0, double C1, double C2, double C3, double C4, double C5, double C6, double C7, double C8, double C9)
{
    /// <summary>Rows in the table, as gokart_side.py's ROWS.</summary>
    public const int Count = 1_000_000;

    /// <summary>Uniform doubles with 17 significant digits, the worst case for text formats, as gokart_side.py makes them.</summary>
    public static WideRow[] Make()
    {
        var random = new Random(42);
        var rows = new WideRow[Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new WideRow(random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(),
                random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble());
        }

        return rows;
    }
}

/// <summary>The table as typed records; its output format follows <see cref="Extension"/>.</summary>
public sealed class WideRows : TaskOnKart<IReadOnlyList<WideRow>>
{
    public string Extension { get; init; } = "npz";

    /// <summary>Made before the clock starts; the task only hands them to its dump.</summary>
    [NotParameter]
    public IReadOnlyList<WideRow>? Rows { get; set; }

    protected override Target Output() => MakeTarget($"peer/wide.{Extension}");

    protected override IReadOnlyList<WideRow> Run() => Rows ?? throw new InvalidOperationException("no rows given");
}

/// <summary>The table as ten named columns (a columnar <c>.npz</c>), the shape closest to a pandas DataFrame's pickle.</summary>
public sealed class WideColumns : TaskOnKart<IReadOnlyDictionary<string, double[]>>
{
    /// <summary>Made before the clock starts (<see cref="From"/>); the task only hands them to its dump.</summary>
    [NotParameter]
    public IReadOnlyDictionary<string, double[]>? Columns { get; set; }

    protected override Target Output() => MakeTarget("peer/wide_columns.npz");

    protected override IReadOnlyDictionary<string, double[]> Run() => Columns ?? throw new InvalidOperationException("no columns given");

    /// <summary>The rows' ten columns.</summary>
    public static Dictionary<string, double[]> From(IReadOnlyList<WideRow> rows)
    {
        var columns = new Dictionary<string, double[]>();
        for (var c = 0; c < 10; c++)
        {
            columns["C" + c.ToString(CultureInfo.InvariantCulture)] = new double[rows.Count];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            columns["C0"][i] = r.C0; columns["C1"][i] = r.C1; columns["C2"][i] = r.C2; columns["C3"][i] = r.C3; columns["C4"][i] = r.C4;
            columns["C5"][i] = r.C5; columns["C6"][i] = r.C6; columns["C7"][i] = r.C7; columns["C8"][i] = r.C8; columns["C9"][i] = r.C9;
        }

        return columns;
    }
}
