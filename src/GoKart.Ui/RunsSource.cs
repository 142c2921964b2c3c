using GoKart.Viewer;

namespace GoKart.Ui;

/// <summary>
/// The workspace's runs as the page sees them: scanned once at start; afterwards a request answers at once from the
/// last scan and, when that is older than <see cref="UiOptions.RefreshInterval"/>, starts a rescan in the background
/// (incremental: unchanged logs are not read again), so a page never waits for a scan of 100,000 runs.
/// </summary>
internal sealed class RunsSource(WorkspaceIndex index, TimeSpan interval, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _first = new(1, 1);
    private WorkspaceRuns? _runs;
    private long _scannedAt;
    private int _refreshing;

    public WorkspaceIndex Index { get; } = index;

    /// <summary>The message of the last background rescan that failed (the previous runs are still served), else null.</summary>
    public string? LastError { get; private set; }

    public async Task<WorkspaceRuns> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _runs) is { } current)
        {
            if (time.GetElapsedTime(Volatile.Read(ref _scannedAt)) >= interval && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
            {
                _ = Task.Run(RefreshAsync, CancellationToken.None);
            }

            return current;
        }

        await _first.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _runs ?? await ScanAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _first.Release();
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _first.Dispose();
    }

    private async Task<WorkspaceRuns> ScanAsync(CancellationToken cancellationToken)
    {
        var runs = await Index.ScanAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _scannedAt, time.GetTimestamp());
        Volatile.Write(ref _runs, runs);
        return runs;
    }

    private async Task RefreshAsync()
    {
        try
        {
            await ScanAsync(_stopping.Token).ConfigureAwait(false);
            LastError = null;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The server is stopping.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            LastError = e.Message;
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }
}
