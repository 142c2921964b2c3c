using GoKart.Storage;

namespace GoKart.Ui;

/// <summary>What <see cref="UiServer"/> serves and where it listens.</summary>
public sealed record UiOptions
{
    /// <summary>The workspace: a folder or a location a provider opens (<c>s3://bucket/prefix</c>).</summary>
    public required string Workspace { get; init; }

    /// <summary>The experiments folder for the Experiments page; null for none.</summary>
    public string? ExperimentsDirectory { get; init; }

    /// <summary>The address to bind; loopback unless set (another address exposes the page to the network).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Providers for locations such as <c>s3://</c>; a plain path opens a local folder.</summary>
    public IReadOnlyList<IWorkspaceStoreProvider> StoreProviders { get; init; } = [];

    /// <summary>Where the workspace index keeps its cache; null for the user's cache directory.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>How old the last scan may be before a request starts a rescan in the background (incremental; the request is answered from the last scan).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock (ETAs, refresh throttling).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
