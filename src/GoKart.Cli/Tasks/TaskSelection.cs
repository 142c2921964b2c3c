using System.Globalization;
using GoKart.Viewer;

namespace GoKart.Cli.Tasks;

/// <summary>The filters shared by the table and clean: which runs, in which order.</summary>
internal sealed record TaskSelection
{
    public string? Filter { get; init; }

    public IReadOnlyList<string> Params { get; init; } = [];

    public string? Since { get; init; }

    public string? Until { get; init; }

    public string Outputs { get; init; } = "any";

    public string Sort { get; init; } = "end";

    public bool Descending { get; init; }

    public int? Newest { get; init; }

    public int? Limit { get; init; }

    public bool Unnecessary { get; init; }

    public bool SelectsSomething => Filter is not null || Params.Count > 0 || Since is not null || Until is not null || Outputs != "any" || Newest is not null || Unnecessary;

    /// <summary>The runs selected, in order; <see cref="ArgumentException"/> with a message for bad option values.</summary>
    public IReadOnlyList<TaskRun> Apply(WorkspaceRuns runs)
    {
        var query = new RunQuery
        {
            Name = Filter,
            Parameters = [.. Params.Select(Condition)],
            Since = Time("--since", Since),
            Until = Time("--until", Until),
            Outputs = Outputs switch { "present" => OutputState.Present, "missing" => OutputState.Missing, _ => OutputState.Any },
            Sort = Sort switch
            {
                "start" => RunSort.Start,
                "name" or "task" => RunSort.Name,
                "duration" => RunSort.Duration,
                "size" => RunSort.Size,
                "id" => RunSort.Id,
                _ => RunSort.End,
            },
            Descending = Descending,
        };
        IEnumerable<TaskRun> selected = runs.Query(query).Runs;
        if (Unnecessary)
        {
            var unnecessary = runs.Unnecessary().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            selected = selected.Where(r => unnecessary.Contains(r.Id));
        }

        if (Newest is { } k)
        {
            var keep = selected.GroupBy(r => r.TypeName ?? r.TaskName, StringComparer.Ordinal)
                .SelectMany(g => g.OrderByDescending(r => r.End ?? DateTimeOffset.MinValue).Take(k)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            selected = selected.Where(r => keep.Contains(r.Id));
        }

        if (Limit is { } limit)
        {
            selected = selected.Take(limit);
        }

        return [.. selected];
    }

    private static ParameterCondition Condition(string text)
    {
        try
        {
            return ParameterCondition.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("--param: " + e.Message, e);
        }
    }

    private static DateTimeOffset? Time(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new ArgumentException($"{option} '{text}' is not a date or time (e.g. 2024-05-01 or 2024-05-01T10:00:00Z).");
    }
}
