using GoKart.Formats;

namespace GoKart.Parquet;

/// <summary>Adds <c>.parquet</c> to a format registry.</summary>
public static class ParquetRegistration
{
    /// <summary>Registers <see cref="ParquetFormat"/> for <c>.parquet</c>.</summary>
    /// <example><code>var formats = FormatRegistry.CreateDefault().AddParquet();</code></example>
    public static FormatRegistry AddParquet(this FormatRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(new ParquetFormat());
    }
}
