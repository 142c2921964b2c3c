using System.Text.Json;
using GoKart.Storage;

namespace GoKart.Tests.Execution;

/// <summary>task_log records the graph (requirements, full type name, relative output paths) beside gokart's keys.</summary>
public sealed class RunLogGraphTests
{
    private static async Task<JsonElement> TaskLogAsync(InMemoryStore store, TaskOnKart task)
    {
        var stream = await store.OpenReadAsync($"log/task_log/{task.GetType().Name}_{task.UniqueId}.json", default);
        using var document = await JsonDocument.ParseAsync(stream);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task TaskLog_NamedRequires_RecordsNameClassIdAndType()
    {
        var store = new InMemoryStore();
        var task = new NamedWithList();
        Kart.Build(task, new BuildOptions { Store = store });

        var log = await TaskLogAsync(store, task);
        Assert.Equal("GoKart.Tests.Execution.NamedWithList", log.GetProperty("type").GetString());
        Assert.Equal("NamedWithList", log.GetProperty("task").GetString());
        Assert.Equal(task.UniqueId, log.GetProperty("unique_id").GetString());
        Assert.True(log.TryGetProperty("task_log", out _));
        Assert.True(log.TryGetProperty("outputs", out _));
        var requires = log.GetProperty("requires").EnumerateArray().Select(r => (
            Name: r.TryGetProperty("name", out var n) ? n.GetString() : null,
            Task: r.GetProperty("task").GetString(),
            Id: r.GetProperty("unique_id").GetString(),
            Type: r.GetProperty("type").GetString())).ToList();
        Assert.Equal(
            [
                ("one", "Number", new Number { Value = 1 }.UniqueId, "GoKart.Tests.Execution.Number"),
                ("many", "Number", new Number { Value = 2 }.UniqueId, "GoKart.Tests.Execution.Number"),
                ("many", "Number", new Number { Value = 3 }.UniqueId, "GoKart.Tests.Execution.Number"),
            ],
            requires);
    }

    [Fact]
    public async Task TaskLog_ListRequires_HaveNoNameAndLeafHasNone()
    {
        var store = new InMemoryStore();
        var task = new Listed();
        Kart.Build(task, new BuildOptions { Store = store });

        var requires = (await TaskLogAsync(store, task)).GetProperty("requires").EnumerateArray().ToList();
        Assert.Equal([new Number { Value = 3 }.UniqueId, new Number { Value = 4 }.UniqueId], requires.Select(r => r.GetProperty("unique_id").GetString()));
        Assert.All(requires, r => Assert.False(r.TryGetProperty("name", out _)));
        Assert.Empty((await TaskLogAsync(store, new Number { Value = 3 })).GetProperty("requires").EnumerateArray());
    }

    [Fact]
    public async Task TaskLog_OutputPaths_AreWorkspaceRelative()
    {
        var store = new InMemoryStore();
        var task = new WithReport();
        Kart.Build(task, new BuildOptions { Store = store });

        var paths = (await TaskLogAsync(store, task)).GetProperty("output_paths");
        Assert.Equal($"GoKart/Tests/Execution/WithReport_{task.UniqueId}.json", paths.GetProperty("output").GetString());
        Assert.Equal(2, paths.EnumerateObject().Count());
        Assert.All(paths.EnumerateObject(), p => Assert.True(store.ExistsAsync(p.Value.GetString()!, default).AsTask().Result));
    }
}

public sealed class NamedWithList : TaskOnKart<int>
{
    protected override Dependencies Requires()
    {
        var requires = new Dependencies { ["one"] = new Number { Value = 1 } };
        requires.Add("many", [new Number { Value = 2 }, new Number { Value = 3 }]);
        return requires;
    }

    protected override int Run() => 0;
}
