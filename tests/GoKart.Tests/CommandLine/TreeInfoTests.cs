using GoKart.Storage;

namespace GoKart.Tests.CommandLine;

public sealed class TreeInfoTests
{
    [Fact]
    public void TreeInfo_BeforeRun_AllPendingWithRepeatedSubtreeAbbreviated()
    {
        var holder = new CliHolder { Inner = new CliDiamond(), More = [new CliDiamond()] };

        var tree = Kart.TreeInfo(holder, new BuildOptions { Store = new InMemoryStore() });

        var a = new CliTypes { Name = "a" }.UniqueId;
        var b = new CliTypes { Name = "b" }.UniqueId;
        var d = new CliDiamond().UniqueId;
        Assert.Equal(
            $"""
            └─-(PENDING) CliHolder[{holder.UniqueId}]
               |--(PENDING) CliDiamond[{d}]
               |  |--(PENDING) CliTypes[{a}]
               |  |--(PENDING) CliTypes[{a}]
               |  |  └─- ...
               |  └─-(PENDING) CliTypes[{b}]
               └─-(PENDING) CliDiamond[{d}]
                  └─- ...
            """.ReplaceLineEndings("\n"),
            tree);
    }

    [Fact]
    public async Task TreeInfo_AfterRun_CompleteWithDetails()
    {
        var store = new InMemoryStore();
        var options = new BuildOptions { Store = store, Workers = 1 };
        var task = new CliHolder { Inner = new CliEcho { Text = "it's" } };
        await Kart.BuildAsync(task, options);

        var tree = Kart.TreeInfo(task, options, details: true).Split('\n');

        Assert.StartsWith($"└─-(COMPLETE) CliHolder[{task.UniqueId}](parameter={{'inner': '{task.Inner.UniqueId}', 'more': '[]'}}, output=[", tree[0]);
        Assert.Matches(@"^   └─-\(COMPLETE\) CliEcho\[[0-9a-f]{32}\]\(parameter=\{'text': ""it's""\}, output=\['.*CliEcho_[0-9a-f]{32}\.json'\], time=[0-9.e-]+s, task_log=\{\}\)$", tree[1]);
    }

    [Fact]
    public void TreeInfo_Details_UnknownTimeBeforeRun()
    {
        var tree = Kart.TreeInfo(new CliEcho { Text = "x" }, new BuildOptions { Store = new InMemoryStore() }, details: true);

        Assert.EndsWith("time=unknown, task_log={})", tree);
    }

    [Fact]
    public async Task DryRun_ListsOnlyMissingTasksAndFlagsExternalData()
    {
        var store = new InMemoryStore();
        var options = new BuildOptions { Store = store };
        await Kart.BuildAsync(new CliTypes { Name = "a" }, options);

        var planned = Kart.DryRun(new CliDiamond(), options);
        var external = Kart.DryRun(new CliNeedsExternal(), options);

        Assert.Equal(["CliTypes", "CliDiamond"], planned.Select(p => p.TaskName));
        Assert.Equal(new CliTypes { Name = "b" }.UniqueId, planned[0].UniqueId);
        Assert.Equal([true, false], external.Select(p => p.MissingExternalData));
        Assert.Empty(await ListAsync(store, "GoKart/Tests/CommandLine/CliDiamond"));
    }

    private static async Task<List<StoreEntry>> ListAsync(IWorkspaceStore store, string prefix)
    {
        var result = new List<StoreEntry>();
        await foreach (var entry in store.ListAsync(prefix, CancellationToken.None))
        {
            result.Add(entry);
        }

        return result;
    }
}
