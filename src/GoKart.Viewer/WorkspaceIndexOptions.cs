using GoKart.Formats;
using GoKart.Storage;

namespace GoKart.Viewer;

/// <summary>How a <see cref="WorkspaceIndex"/> opens, caches and reads a workspace.</summary>
public sealed record WorkspaceIndexOptions
{
    /// <summary>Providers for locations such as <c>s3://</c> (for example <c>new S3StoreProvider()</c>); a plain path opens a local folder.</summary>
    public IReadOnlyList<IWorkspaceStoreProvider> StoreProviders { get; init; } = [];

    /// <summary>Where the listing cache lives; null for the user's cache directory (<c>~/.cache/gokart/index</c>).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>False to read every log on every scan (no cache file is read or written).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Formats for loading outputs; null for the defaults.</summary>
    public FormatRegistry? Formats { get; init; }

    /// <summary>
    /// How many local files are read or stat'ed at once (a store's logs: how many are fetched at once). Reading
    /// 100,000s of small files from a disk waits on its latency, not on the CPU, so this is well above the core count.
    /// </summary>
    public int Parallelism { get; init; } = Math.Max(16, Environment.ProcessorCount * 2);
}
