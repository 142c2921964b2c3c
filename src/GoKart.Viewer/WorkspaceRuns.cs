using System.Text.RegularExpressions;

namespace GoKart.Viewer;

/// <summary>
/// Every run a scan of a workspace found, and the questions asked of them: query (filter, sort, page), resolve
/// an id prefix or task name, newest runs of a name, lineage. Immutable; all in memory, no I/O.
/// </summary>
public sealed partial class WorkspaceRuns
{
    private readonly Dictionary<string, TaskRun> _byId;
    private readonly Lazy<ILookup<string, TaskRun>> _dependents;

    /// <summary>Wraps a set of runs (as a scan found them) and the log files that could not be read.</summary>
    public WorkspaceRuns(IReadOnlyList<TaskRun> runs, IReadOnlyList<LogProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var order = SortedOrder(runs);
        Runs = order is null ? [.. runs] : Array.ConvertAll(order, i => runs[i]);
        Problems = problems;
        _byId = new Dictionary<string, TaskRun>(Runs.Count, StringComparer.Ordinal);
        foreach (var run in Runs)
        {
            _byId.TryAdd(run.Id, run);
        }

        _dependents = new Lazy<ILookup<string, TaskRun>>(() => Runs
            .SelectMany(r => (r.Requires ?? []).Select(q => q.Id).Distinct().Select(id => (Id: id, Run: r)))
            .ToLookup(p => p.Id, p => p.Run, StringComparer.Ordinal));
    }

    /// <summary>All runs, oldest end time first.</summary>
    public IReadOnlyList<TaskRun> Runs { get; }

    /// <summary>Log files under <c>log/</c> that could not be read (the runs they belong to are listed with what was readable).</summary>
    public IReadOnlyList<LogProblem> Problems { get; }

    /// <summary>Whether every run recorded its requirements (logs from before that was recorded give a partial graph).</summary>
    public bool GraphComplete => Runs.All(r => r.Requires is not null);

    /// <summary>The run with exactly this unique id, or null.</summary>
    public TaskRun? this[string id] => _byId.GetValueOrDefault(id);

    /// <summary>The runs matching a query, sorted, one page of them.</summary>
    public RunPage Query(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var name = NameMatcher(query.Name);
        var matching = Runs.Where(r =>
            name(r)
            && query.Parameters.All(c => c.Matches(r))
            && (query.Since is not { } since || r.End >= since)
            && (query.Until is not { } until || r.End <= until)
            && query.Outputs switch { OutputState.Present => r.OutputsPresent, OutputState.Missing => !r.OutputsPresent, _ => true }).ToList();
        IEnumerable<TaskRun> sorted = SortKey(matching, query.Sort, query.Descending);
        var offset = Math.Max(0, query.Offset);
        var page = sorted.Skip(offset);
        if (query.Limit is { } limit)
        {
            page = page.Take(Math.Max(0, limit));
        }

        return new RunPage(matching.Count, offset, [.. page]);
    }

    /// <summary>
    /// A run by unique id, unique id prefix, or task name (its newest run). <see cref="RunLookupException"/> with the
    /// candidates when nothing matches or a prefix is ambiguous.
    /// </summary>
    public TaskRun Resolve(string idOrName)
    {
        ArgumentException.ThrowIfNullOrEmpty(idOrName);
        if (_byId.TryGetValue(idOrName, out var exact))
        {
            return exact;
        }

        var byPrefix = idOrName.All(char.IsAsciiHexDigit)
            ? Runs.Where(r => r.Id.StartsWith(idOrName, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        if (byPrefix.Count == 1)
        {
            return byPrefix[0];
        }

        if (byPrefix.Count > 1)
        {
            throw new RunLookupException(idOrName, $"Id prefix '{idOrName}' is ambiguous: {byPrefix.Count} runs match.", byPrefix);
        }

        var newest = Newest(idOrName, 1);
        if (newest.Count == 1)
        {
            return newest[0];
        }

        var similar = Runs.Where(r => r.TaskName.Contains(idOrName, StringComparison.OrdinalIgnoreCase)).DistinctBy(r => r.TaskName).ToList();
        throw new RunLookupException(
            idOrName,
            similar.Count > 0
                ? $"No run has id or task name '{idOrName}'. Tasks with a similar name: {string.Join(", ", similar.Select(r => r.TaskName).Order(StringComparer.Ordinal))}."
                : $"No run has id or task name '{idOrName}' ({Runs.Count} runs in the workspace).",
            similar);
    }

    /// <summary>The newest <paramref name="count"/> runs (by end time) of the task with this class or full type name, newest first.</summary>
    public IReadOnlyList<TaskRun> Newest(string taskName, int count) =>
        [.. Runs.Where(r => r.TaskName == taskName || r.TypeName == taskName).Reverse().Take(count)];

    /// <summary>The parameters that differ between two runs.</summary>
    public static IReadOnlyList<ParameterChange> Diff(TaskRun left, TaskRun right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var changes = new List<ParameterChange>();
        foreach (var (name, before) in left.Parameters)
        {
            var after = right.Parameter(name);
            if (after is null)
            {
                changes.Add(new ParameterChange(name, ParameterChangeKind.Removed, before, null));
            }
            else if (after != before)
            {
                changes.Add(new ParameterChange(name, ParameterChangeKind.Changed, before, after));
            }
        }

        foreach (var (name, after) in right.Parameters)
        {
            if (left.Parameter(name) is null)
            {
                changes.Add(new ParameterChange(name, ParameterChangeKind.Added, null, after));
            }
        }

        return changes;
    }

    /// <summary>
    /// The order by end time, then task name, then id; ties keep their order (a stable sort, as the OrderBy this
    /// replaces). Null when the runs are already in that order (a scan keeps them so).
    /// </summary>
    internal static int[]? SortedOrder(IReadOnlyList<TaskRun> runs)
    {
        var sorted = true;
        for (var i = 1; i < runs.Count && sorted; i++)
        {
            sorted = CompareByEnd(runs[i - 1], runs[i]) <= 0;
        }

        if (sorted)
        {
            return null;
        }

        var order = new int[runs.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => CompareByEnd(runs[a], runs[b]) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }

    private static int CompareByEnd(TaskRun a, TaskRun b)
    {
        var c = (a.End ?? DateTimeOffset.MinValue).CompareTo(b.End ?? DateTimeOffset.MinValue);
        c = c != 0 ? c : string.CompareOrdinal(a.TaskName, b.TaskName);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    private static Func<TaskRun, bool> NameMatcher(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return _ => true;
        }

        if (pattern.IndexOfAny(['*', '?']) < 0)
        {
            return r => r.TaskName.Contains(pattern, StringComparison.OrdinalIgnoreCase)
                || (r.TypeName?.Contains(pattern, StringComparison.OrdinalIgnoreCase) ?? false);
        }

        var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return r => regex.IsMatch(r.TaskName) || (r.TypeName is { } t && regex.IsMatch(t));
    }

    private static IOrderedEnumerable<TaskRun> SortKey(List<TaskRun> runs, RunSort sort, bool descending)
    {
        IOrderedEnumerable<TaskRun> ordered = sort switch
        {
            RunSort.Start => Order(runs, r => r.Start ?? DateTimeOffset.MinValue, descending),
            RunSort.Name => Order(runs, r => r.TaskName, descending, StringComparer.Ordinal),
            RunSort.Duration => Order(runs, r => r.ProcessingTime ?? TimeSpan.MinValue, descending),
            RunSort.Size => Order(runs, r => r.Size, descending),
            RunSort.Id => Order(runs, r => r.Id, descending, StringComparer.Ordinal),
            _ => Order(runs, r => r.End ?? DateTimeOffset.MinValue, descending),
        };
        return ordered.ThenBy(r => r.TaskName, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal);
    }

    private static IOrderedEnumerable<TaskRun> Order<TKey>(List<TaskRun> runs, Func<TaskRun, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending ? runs.OrderByDescending(key, comparer) : runs.OrderBy(key, comparer);
}
