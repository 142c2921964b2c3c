namespace GoKart.Parquet;

/// <summary>The page compression a <c>.parquet</c> dump uses (pandas' <c>compression=</c>).</summary>
public enum ParquetCompression
{
    /// <summary>Snappy, pandas' and pyarrow's default: fast, moderate ratio.</summary>
    Snappy,

    /// <summary>Gzip: smaller, slower.</summary>
    Gzip,

    /// <summary>Zstandard: small and fast to read.</summary>
    Zstd,

    /// <summary>No compression.</summary>
    None,
}
