using GoKart.Ui.Live;

namespace GoKart.Ui.Tests;

/// <summary>The build journal reader against hand-written files in the producer's format.</summary>
public sealed class BuildJournalTests
{
    private const string Id = UiWorkspace.RunningBuild;

    [Fact]
    public void Parse_PlanOnly_IsRunningWithPlannedStates()
    {
        var build = BuildJournal.Parse(Id, JournalLines.RunningPlan + "\n");
        Assert.Equal("running", build.Status);
        Assert.Equal(["pending", "complete", "pending"], build.Tasks.Select(t => t.State));
        Assert.Equal([0, 1], build.Tasks[2].Requires);
        Assert.Equal(new string('3', 32), build.Tasks[2].Id);
        Assert.Equal("Ns.Train", build.Tasks[2].Type);
        Assert.Equal((2, 4242, "h", 2), (build.Workers, build.Pid, build.Host, build.Root));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 30, 0, 123, TimeSpan.Zero), build.Started);
        Assert.Null(build.EtaSeconds);
    }

    [Fact]
    public void Parse_Events_MoveStates_AndCount()
    {
        var build = BuildJournal.Parse(Id, string.Join('\n', JournalLines.RunningPlan, JournalLines.Start(0), JournalLines.Done(0, 3.0), JournalLines.Start(2)) + "\n");
        Assert.Equal(["done", "complete", "running"], build.Tasks.Select(t => t.State));
        Assert.Equal(3.0, build.Tasks[0].Seconds);
        var counts = build.Counts;
        Assert.Equal((0, 1, 1, 0, 1), (counts["pending"], counts["running"], counts["done"], counts["failed"], counts["complete"]));
        // Mean task time 3 s × 1 task not yet done / 2 workers.
        Assert.Equal(1.5, build.EtaSeconds);
    }

    [Fact]
    public void Parse_TruncatedLastLine_IsIgnored()
    {
        var whole = string.Join('\n', JournalLines.RunningPlan, JournalLines.Start(0)) + "\n";
        var cut = JournalLines.Done(0, 1.0);
        var build = BuildJournal.Parse(Id, whole + cut[..(cut.Length - 5)]);
        Assert.Equal("running", build.Tasks[0].State);
        Assert.Equal("running", build.Status);
    }

    [Fact]
    public void Parse_FailedAndEnd_GiveErrorAndStatus()
    {
        var text = string.Join('\n', JournalLines.RunningPlan, JournalLines.Start(0),
            "{\"event\":\"failed\",\"time\":\"2026-12-02T16:30:03+00:00\",\"n\":0,\"error\":\"disk full\"}", JournalLines.End("failed"));
        var build = BuildJournal.Parse(Id, text);
        Assert.Equal("failed", build.Status);
        Assert.Equal(("failed", "disk full"), (build.Tasks[0].State, build.Tasks[0].Error));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 30, 5, TimeSpan.Zero), build.Ended);
        Assert.Null(build.EtaSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json\n[1,2]\n\"text\"\n")]
    [InlineData("{\"event\":\"start\",\"n\":0}\n")]
    public void Parse_NoPlan_IsAnEmptyRunningBuild(string text)
    {
        var build = BuildJournal.Parse(Id, text);
        Assert.Empty(build.Tasks);
        Assert.Equal("running", build.Status);
    }

    [Fact]
    public void Parse_EventsForUnknownIndexes_AreIgnored()
    {
        var build = BuildJournal.Parse(Id, string.Join('\n', JournalLines.RunningPlan, JournalLines.Start(7), JournalLines.Start(-1), "{\"event\":\"start\",\"n\":\"0\"}"));
        Assert.Equal(["pending", "complete", "pending"], build.Tasks.Select(t => t.State));
    }

    [Theory]
    [InlineData("20261202T163000123Z-4242-a1b2", true)]
    [InlineData("../x", false)]
    [InlineData(".hidden", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void IsId_AcceptsOnlyFileNames(string id, bool expected) => Assert.Equal(expected, BuildJournals.IsId(id));

    [Fact]
    public async Task Journals_ListNewestFirst_AndReadThroughTheStore()
    {
        GoKart.Storage.IWorkspaceStore store = new GoKart.Storage.InMemoryStore();
        await Write(store, BuildJournals.Folder + "20261201T000000000Z-1-aaaa.jsonl", JournalLines.RunningPlan + "\n");
        await Write(store, BuildJournals.Folder + "20261202T000000000Z-1-bbbb.jsonl", JournalLines.RunningPlan + "\n" + JournalLines.End("succeeded") + "\n");
        await Write(store, BuildJournals.Folder + "notes.txt", "x");
        var journals = new BuildJournals(store);
        Assert.Equal(["20261202T000000000Z-1-bbbb", "20261201T000000000Z-1-aaaa"], await journals.ListAsync(default));
        Assert.Equal("succeeded", (await journals.ReadAsync("20261202T000000000Z-1-bbbb", default))!.Status);
        Assert.Null(await journals.ReadAsync("20261203T000000000Z-1-cccc", default));
    }

    private static ValueTask Write(GoKart.Storage.IWorkspaceStore store, string path, string text) =>
        store.WriteSmallAsync(path, System.Text.Encoding.UTF8.GetBytes(text), default);
}
