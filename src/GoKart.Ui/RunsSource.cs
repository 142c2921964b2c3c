using GoKart.Viewer;

namespace GoKart.Ui;

/// <summary>
/// The workspace's runs as the page sees them: scanned once at start, rescanned (incrementally: unchanged logs are
/// not read again) on a request that comes at least <see cref="UiOptions.RefreshInterval"/> after the last scan.
/// </summary>
internal sealed class RunsSource(WorkspaceIndex index, TimeSpan interval, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkspaceRuns? _runs;
    private long _scannedAt;

    public WorkspaceIndex Index { get; } = index;

    public async Task<WorkspaceRuns> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _runs);
        if (current is not null && time.GetElapsedTime(Volatile.Read(ref _scannedAt)) < interval)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_runs is not null && time.GetElapsedTime(_scannedAt) < interval)
            {
                return _runs;
            }

            var runs = await Index.ScanAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _runs, runs);
            Volatile.Write(ref _scannedAt, time.GetTimestamp());
            return runs;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
