using System.Globalization;

namespace GoKart.CommandLine;

/// <summary>
/// Shows build progress: on a terminal one live line (done/total, running, failed, elapsed, ETA) redrawn
/// in place with ANSI codes; otherwise (output redirected, or <c>CI</c> set) one plain line per event.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly long _start;
    private ITimer? _timer;
    private BuildProgress? _last;
    private bool _drawn;

    public ProgressDisplay(TextWriter writer, bool interactive, TimeProvider time)
    {
        _writer = writer;
        _interactive = interactive;
        _time = time;
        _start = time.GetTimestamp();
        if (interactive)
        {
            _timer = time.CreateTimer(_ => Redraw(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    public void Report(BuildProgress progress)
    {
        lock (_gate)
        {
            _last = progress;
            if (_interactive)
            {
                Draw(progress, _time.GetElapsedTime(_start));
                return;
            }

            var what = progress.Event switch
            {
                BuildEvent.Started => "started",
                BuildEvent.Succeeded => "succeeded",
                BuildEvent.Failed => "FAILED",
                _ => "completed by another process",
            };
            _writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"[{progress.Done}/{progress.Total}] {progress.TaskName}[{progress.UniqueId}] {what} (running {progress.Running}, failed {progress.Failed}, elapsed {ExecutionSummary.FormatDuration(progress.Elapsed)}{Eta(progress, progress.Elapsed)})"));
        }
    }

    /// <summary>Writes a line of its own (a log message): the live line is cleared first and redrawn after.</summary>
    public void WriteLine(string text)
    {
        lock (_gate)
        {
            if (_drawn)
            {
                _writer.Write("\r\u001b[2K");
            }

            _writer.WriteLine(text);
            if (_drawn && _last is { } last)
            {
                Draw(last, _time.GetElapsedTime(_start));
            }
            else
            {
                _writer.Flush();
            }
        }
    }

    /// <summary>Removes the live line so that what follows starts on a clean line.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_drawn)
            {
                _writer.Write("\r\u001b[2K");
                _writer.Flush();
                _drawn = false;
            }
        }
    }

    private void Redraw()
    {
        lock (_gate)
        {
            if (_last is { } last && _timer is not null)
            {
                Draw(last, _time.GetElapsedTime(_start));
            }
        }
    }

    private void Draw(BuildProgress p, TimeSpan elapsed)
    {
        const int width = 20;
        var filled = p.Total == 0 ? 0 : (int)Math.Round(width * (double)(p.Done + p.Failed) / p.Total);
        var bar = new string('#', filled) + new string('-', width - filled);
        var failed = p.Failed > 0 ? $", \u001b[31m{p.Failed} failed\u001b[0m" : ", 0 failed";
        _writer.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"\r\u001b[2K[{bar}] {p.Done}/{p.Total} done, {p.Running} running{failed}, elapsed {ExecutionSummary.FormatDuration(elapsed)}{Eta(p, elapsed)}"));
        _writer.Flush();
        _drawn = true;
    }

    private static string Eta(BuildProgress p, TimeSpan elapsed)
    {
        var remaining = p.Total - p.Done - p.Failed;
        if (p.Done == 0 || remaining <= 0)
        {
            return string.Empty;
        }

        return ", ETA " + ExecutionSummary.FormatDuration(elapsed / p.Done * remaining);
    }
}
