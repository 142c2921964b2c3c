namespace GoKart.Ui.Live;

/// <summary>A build replayed from its journal up to the last complete line.</summary>
/// <param name="Id">The build id (the journal's file name).</param>
/// <param name="Started">The plan's time.</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="Workers">How many tasks it runs at once.</param>
/// <param name="Root">The plan index of the task asked for.</param>
/// <param name="Tasks">The plan, with states as of the last event.</param>
/// <param name="Status">running (no end yet), succeeded, failed or cancelled.</param>
/// <param name="Ended">The end event's time.</param>
/// <param name="LastEvent">The time of the newest event.</param>
internal sealed record BuildState(
    string Id, DateTimeOffset? Started, string? Host, int? Pid, int Workers, int Root, IReadOnlyList<BuildTask> Tasks, string Status,
    DateTimeOffset? Ended, DateTimeOffset? LastEvent)
{
    private static readonly string[] States = ["pending", "running", "done", "failed", "complete"];

    /// <summary>How many tasks are in each state.</summary>
    public IReadOnlyDictionary<string, int> Counts =>
        States.ToDictionary(s => s, s => Tasks.Count(t => t.State == s), StringComparer.Ordinal);

    /// <summary>Seconds left: mean task time × tasks not yet done / workers; null before a task finished or after the end.</summary>
    public double? EtaSeconds
    {
        get
        {
            var done = Tasks.Where(t => t.State == "done" && t.Seconds is not null).ToList();
            var remaining = Tasks.Count(t => t.State is "pending" or "running");
            if (Status != "running" || done.Count == 0)
            {
                return null;
            }

            return done.Average(t => t.Seconds!.Value) * remaining / Math.Max(1, Workers);
        }
    }
}
