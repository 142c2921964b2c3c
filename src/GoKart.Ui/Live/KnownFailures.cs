namespace GoKart.Ui.Live;

/// <summary>
/// Which tasks failed, as far as the newest build journals know: the run logs record only successes, so a failed
/// task otherwise looks merely "missing" in a graph. The newest journal that mentions a task decides.
/// </summary>
internal static class KnownFailures
{
    private const int Journals = 20;

    public static async Task<IReadOnlySet<string>> ReadAsync(BuildJournals journals, CancellationToken cancellationToken)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var decided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in (await journals.ListAsync(cancellationToken).ConfigureAwait(false)).Take(Journals))
        {
            if (await journals.ReadAsync(id, cancellationToken).ConfigureAwait(false) is not { } build)
            {
                continue;
            }

            foreach (var task in build.Tasks.Where(t => t.Id.Length > 0 && t.State is "failed" or "done" or "complete"))
            {
                if (decided.Add(task.Id) && task.State == "failed")
                {
                    failed.Add(task.Id);
                }
            }
        }

        return failed;
    }

    /// <summary>A graph node's state with what the journals know: complete outputs stay complete, else a known failure shows.</summary>
    public static string StateOf(string key, string state, IReadOnlySet<string> failed) =>
        state != "complete" && failed.Contains(key) ? "failed" : state;
}
