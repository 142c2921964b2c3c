using System.Globalization;
using System.Text.Json;

namespace GoKart.Tests.Execution.Journal;

/// <summary>A build journal parsed independently of the writer: the plan's tasks and the event lines after it.</summary>
internal sealed class JournalFile
{
    private JournalFile(string name, JsonElement plan, List<JsonElement> events)
    {
        Name = name;
        Plan = plan;
        Events = events;
    }

    public string Name { get; }

    public JsonElement Plan { get; }

    public IReadOnlyList<JsonElement> Events { get; }

    /// <summary>Index in the plan's <c>tasks</c> → unique id.</summary>
    public IReadOnlyList<string> Ids => [.. Plan.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    public static JournalFile Parse(string name, string text)
    {
        Assert.EndsWith("\n", text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal("plan", lines[0].GetProperty("event").GetString());
        foreach (var line in lines)
        {
            var time = line.GetProperty("time").GetString()!;

            // ISO 8601 with an explicit offset, as DateTimeOffset round-trips it.
            Assert.Matches(@"[+-]\d\d:\d\d$|Z$", time);
            DateTimeOffset.ParseExact(time, "O", CultureInfo.InvariantCulture);
        }

        return new JournalFile(name, lines[0], lines.Skip(1).ToList());
    }

    /// <summary>The unique ids of the tasks named by events of <paramref name="kind"/>, in order.</summary>
    public IReadOnlyList<string> IdsOf(string kind) =>
        [.. Events.Where(e => e.GetProperty("event").GetString() == kind).Select(e => Ids[e.GetProperty("n").GetInt32()])];

    /// <summary>Each planned task as (class, full type name, state, required ids).</summary>
    public Dictionary<string, (string Task, string Type, string State, string[] Requires)> Tasks()
    {
        var ids = Ids;
        return Plan.GetProperty("tasks").EnumerateArray().ToDictionary(
            t => t.GetProperty("id").GetString()!,
            t => (t.GetProperty("task").GetString()!, t.GetProperty("type").GetString()!, t.GetProperty("state").GetString()!,
                t.GetProperty("requires").EnumerateArray().Select(i => ids[i.GetInt32()]).Order(StringComparer.Ordinal).ToArray()));
    }

    public string EndStatus
    {
        get
        {
            var last = Events[^1];
            Assert.Equal("end", last.GetProperty("event").GetString());
            Assert.Single(Events, e => e.GetProperty("event").GetString() == "end");
            return last.GetProperty("status").GetString()!;
        }
    }
}
