using System.Text.Json;

namespace GoKart.Cli.Process.Tests;

/// <summary>Builds real pipelines with the sample program, then runs <c>gokart tasks</c> on the workspace as a process.</summary>
public sealed class TasksCommandProcessTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task BuildAsync(params string[] args)
    {
        var (code, _, error) = await _cli.RunAsync(args);
        Assert.True(code == 0, error);
    }

    /// <summary>The unique id of the one run of a class whose task_params say <paramref name="parameter"/>.</summary>
    private string IdOf(string task, string parameter, string value) =>
        _cli.Files().Where(f => f.StartsWith($"log/task_params/{task}_", StringComparison.Ordinal))
            .Single(f => JsonDocument.Parse(_cli.ReadFile("resources/" + f)).RootElement.GetProperty(parameter).GetString() == value)
            [$"log/task_params/{task}_".Length..^".json".Length];

    private static List<string[]> Rows(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToArray())];

    [Fact]
    public async Task Tasks_TableFiltersShowLoadDiffTreeClean_OnABuiltWorkspace()
    {
        await BuildAsync("Shout", "--Greeting-name=Alice");
        await BuildAsync("Shout", "--Greeting-name=Bob", "--Greeting-times=3");
        var alice = IdOf("Greeting", "name", "Alice");
        var bob = IdOf("Greeting", "name", "Bob");

        var (code, table, error) = await _cli.RunGokartAsync("tasks");
        Assert.True(code == 0, error);
        Assert.Equal(["id", "task", "parameters", "end", "duration", "size"], table.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(4, Rows(table).Count);
        Assert.Equal(2, Rows(table).Count(r => r[1] == "Greeting"));
        Assert.Contains("4 of 4 runs", error, StringComparison.Ordinal);

        var (_, filtered, _) = await _cli.RunGokartAsync("tasks", "--filter", "Gree*", "--param", "times>1");
        var only = Assert.Single(Rows(filtered));
        Assert.StartsWith(only[0], bob, StringComparison.Ordinal);
        Assert.Contains("name=Bob", only[2], StringComparison.Ordinal);
        Assert.Single(Rows((await _cli.RunGokartAsync("tasks", "--param", "name=Alice")).Output));
        Assert.Empty(Rows((await _cli.RunGokartAsync("tasks", "--since", "2999-01-01")).Output));
        Assert.Equal(4, Rows((await _cli.RunGokartAsync("tasks", "--until", "2999-01-01", "--outputs", "present")).Output).Count);
        Assert.Equal(2, Rows((await _cli.RunGokartAsync("tasks", "--newest", "1")).Output).Count);

        var (_, json, _) = await _cli.RunGokartAsync("tasks", "--format", "json", "--columns", "id", "task");
        Assert.Equal(4, JsonDocument.Parse(json).RootElement.GetArrayLength());
        var (_, csv, _) = await _cli.RunGokartAsync("tasks", "--format", "csv", "--filter", "Shout");
        Assert.StartsWith("id,task,parameters,end,duration,size\n", csv, StringComparison.Ordinal);

        var (showCode, show, _) = await _cli.RunGokartAsync("tasks", "show", alice[..12]);
        Assert.Equal(0, showCode);
        Assert.Contains($"Greeting[{alice}]", show, StringComparison.Ordinal);
        Assert.Contains("  name = Alice", show, StringComparison.Ordinal);
        Assert.Contains("dependents:\n  Shout[", show, StringComparison.Ordinal);
        Assert.Contains("type: Greeting", show, StringComparison.Ordinal);

        var (loadCode, loaded, _) = await _cli.RunGokartAsync("tasks", "load", "Shout");
        Assert.Equal(0, loadCode);
        Assert.Equal("\"HI, BOB! HI, BOB! HI, BOB! ON 2024-01-01\"", loaded.Trim());
        var (_, _, copied) = await _cli.RunGokartAsync("tasks", "load", alice, "--to", "alice.json");
        Assert.Contains("wrote", copied, StringComparison.Ordinal);
        Assert.Equal(_cli.ReadFile($"resources/__main__/Greeting_{alice}.json"), _cli.ReadFile("alice.json"));

        var (_, diff, _) = await _cli.RunGokartAsync("tasks", "diff", alice, bob);
        Assert.Contains("~ name: Alice -> Bob", diff, StringComparison.Ordinal);
        Assert.Contains("~ times: 1 -> 3", diff, StringComparison.Ordinal);

        var (_, tree, _) = await _cli.RunGokartAsync("tasks", "tree", "Shout");
        var shoutBob = IdOf("Shout", "source", bob);
        Assert.Equal($"└─-(COMPLETE) Shout[{shoutBob}]\n   └─-(COMPLETE) Greeting[{bob}]\n", tree);

        var (_, dry, _) = await _cli.RunGokartAsync("tasks", "clean", "--unnecessary", "--dry-run");
        Assert.Equal(2 * 6, dry.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2 * 6 + 2 * 6, _cli.Files().Count(f => !f.StartsWith(".cache", StringComparison.Ordinal)));
        var (cleanCode, _, cleaned) = await _cli.RunGokartAsync("tasks", "clean", "--unnecessary", "--yes");
        Assert.Equal(0, cleanCode);
        Assert.Contains("deleted 12 files of 2 runs", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain(_cli.Files(), f => f.Contains(alice, StringComparison.Ordinal));
        Assert.Equal(2, Rows((await _cli.RunGokartAsync("tasks")).Output).Count);
    }

    [Fact]
    public async Task Tasks_BadInput_ClearMessagesAndExitCodes()
    {
        var missing = await _cli.RunGokartAsync("tasks", "nowhere");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("workspace 'nowhere' does not exist", missing.Error, StringComparison.Ordinal);

        await BuildAsync("Shout", "--Greeting-name=Alice");
        await BuildAsync("Shout", "--Greeting-name=Bob");
        _cli.WriteFile("resources/log/task_params/Greeting_" + IdOf("Greeting", "name", "Alice") + ".json", "{\"name\": \"Al");
        _cli.WriteFile("resources/log/task_log/README", "not a log");

        var (code, output, error) = await _cli.RunGokartAsync("tasks");
        Assert.Equal(0, code);
        Assert.Equal(4, Rows(output).Count);
        Assert.Contains("2 log file(s) could not be read", error, StringComparison.Ordinal);
        Assert.Contains("resources/log/task_log/README", error, StringComparison.Ordinal);

        var unknown = await _cli.RunGokartAsync("tasks", "show", "Gre");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Tasks with a similar name: Greeting", unknown.Error, StringComparison.Ordinal);
        var ambiguous = await _cli.RunGokartAsync("tasks", "show", "Greeting", "--workspace", "resources");
        Assert.Equal(0, ambiguous.ExitCode);
        Assert.Equal(2, (await _cli.RunGokartAsync("tasks", "--param", "oops")).ExitCode);
        Assert.Equal(2, (await _cli.RunGokartAsync("tasks", "clean", "--yes")).ExitCode);
        Assert.Equal(2, (await _cli.RunGokartAsync("tasks", "--columns", "nope")).ExitCode);
    }
}
