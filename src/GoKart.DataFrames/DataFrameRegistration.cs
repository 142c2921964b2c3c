using GoKart.Arrow;
using GoKart.Formats;
using GoKart.Parquet;

namespace GoKart.DataFrames;

/// <summary>Makes <c>Microsoft.Data.Analysis.DataFrame</c> a value type of <c>.csv</c>, <c>.tsv</c>, <c>.parquet</c>, <c>.feather</c>, <c>.arrow</c> and <c>.npz</c>.</summary>
public static class DataFrameRegistration
{
    /// <summary>
    /// Registers parquet and feather/arrow (when not yet registered) and wraps the csv, tsv, parquet, feather/arrow and npz
    /// formats so that a task can dump and load a DataFrame; typed tables keep working as before.
    /// </summary>
    /// <example><code>var formats = FormatRegistry.CreateDefault().AddDataFrames();</code></example>
    public static FormatRegistry AddDataFrames(this FormatRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (!registry.TryResolve("x.parquet", out _))
        {
            registry.AddParquet();
        }

        if (!registry.TryResolve("x.feather", out _))
        {
            registry.AddArrow();
        }

        Wrap(registry, ".csv", new CsvFrames(','));
        Wrap(registry, ".tsv", new CsvFrames('\t'));
        Wrap(registry, ".parquet", new ParquetFrames());
        Wrap(registry, ".feather", new ArrowFrames());
        Wrap(registry, ".arrow", new ArrowFrames());
        if (registry.TryResolve("x.npz", out var npz) && npz is not DataFrameFormat)
        {
            registry.Register(new DataFrameFormat(npz, new NpzFrames(npz)));
        }
        return registry;
    }

    private static void Wrap(FormatRegistry registry, string extension, IDataFrameCodec codec)
    {
        if (registry.TryResolve("x" + extension, out var inner) && inner is not DataFrameFormat)
        {
            registry.Register(new DataFrameFormat(inner, codec));
        }
    }
}
