namespace GoKart.Arrow;

/// <summary>Buffer compression of a <c>.feather</c> / <c>.arrow</c> dump (pandas' <c>to_feather(compression=)</c>).</summary>
public enum ArrowCompression
{
    /// <summary>Uncompressed: the fastest to write and read.</summary>
    None,

    /// <summary>LZ4 frames, pyarrow's feather default.</summary>
    Lz4,

    /// <summary>Zstandard: smaller.</summary>
    Zstd,
}
