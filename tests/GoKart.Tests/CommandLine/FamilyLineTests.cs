using GoKart.CommandLine;

namespace GoKart.Tests.CommandLine;

public sealed class Piece : TaskOnKart<int>
{
    public int I { get; init; }

    protected override int Run() => I;
}

public sealed class Slice : TaskOnKart<int>
{
    public string Source { get; init; } = "s";

    public int I { get; init; }

    protected override int Run() => I;
}

public sealed class Daily : TaskOnKart<int>
{
    public DateOnly Date { get; init; }

    protected override int Run() => 0;
}

public sealed class NoParams : TaskOnKart<int>
{
    protected override int Run() => 0;
}

// Expected lines follow luigi's execution_summary._get_str, read by hand: one varying parameter whose values are
// consecutive (more than 3 of them alone, more than 2 beside others) collapses to first...last; otherwise values
// are listed in the order of the tasks' text.
public sealed class FamilyLineTests
{
    private static string Summary(IEnumerable<TaskOnKart> tasks)
    {
        var list = tasks.ToList();
        var report = new BuildReport(
            [.. list.Select(t => new TaskOutcome(t.GetType().Name, t.UniqueId, TaskRunStatus.Succeeded, null, null))], [], null, TimeSpan.Zero);
        return ExecutionSummary.Format(
            report,
            list.ToDictionary(t => t.UniqueId, t => t.ToString()),
            list.ToDictionary(t => t.UniqueId, t => t));
    }

    [Fact]
    public void Format_TwentyPieces_CollapseToRange() =>
        Assert.Contains("    - 20 Piece(i=0...19)\n", Summary(Enumerable.Range(0, 20).Select(i => new Piece { I = i })));

    [Fact]
    public void Format_GapInValues_ListsThemInTextOrder() =>
        Assert.Contains("    - 3 Piece(i=1,10,3)\n", Summary([new Piece { I = 3 }, new Piece { I = 10 }, new Piece { I = 1 }]));

    [Fact]
    public void Format_ThreeConsecutiveOfOneParameter_StillListed() =>
        Assert.Contains("    - 3 Piece(i=0,1,2)\n", Summary(Enumerable.Range(0, 3).Select(i => new Piece { I = i })));

    [Fact]
    public void Format_OneOfTwoParametersVaries_RangeBesideTheFixedOne() =>
        Assert.Contains("    - 5 Slice(source=s, i=0...4)\n", Summary(Enumerable.Range(0, 5).Select(i => new Slice { I = i })));

    [Fact]
    public void Format_TwoParametersVary_FirstTaskThenDots() =>
        Assert.Contains(
            "    - 3 Slice(source=a, i=0) ...\n",
            Summary([new Slice { Source = "a", I = 0 }, new Slice { Source = "b", I = 1 }, new Slice { Source = "c", I = 5 }]));

    [Fact]
    public void Format_ConsecutiveDates_CollapseToDateRange() =>
        Assert.Contains(
            "    - 5 Daily(date=2024-02-27...2024-03-02)\n",
            Summary(Enumerable.Range(0, 5).Select(d => new Daily { Date = new DateOnly(2024, 2, 27).AddDays(d) })));
}
