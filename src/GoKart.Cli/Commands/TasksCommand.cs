using System.CommandLine;
using GoKart.Cli.Tasks;

namespace GoKart.Cli.Commands;

/// <summary><c>gokart tasks [WORKSPACE]</c> and its verbs show, load, diff, tree and clean: the runs recorded in a workspace.</summary>
internal static class TasksCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workspace = new Argument<string?>("WORKSPACE") { Description = "The workspace (folder or s3://bucket/prefix); default GOKART_WORKSPACE or ./resources", Arity = ArgumentArity.ZeroOrOne };
        var filters = new SelectionOptions();
        var columns = new Option<string[]>("--columns")
        {
            HelpName = "COL",
            Description = $"Columns to show, in order: {string.Join(", ", TaskTable.AllColumns)}",
            AllowMultipleArgumentsPerToken = true,
        };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json", "md");
        var command = new Command("tasks", "List the task runs recorded in a workspace's run logs (thunderbolt's table)") { workspace, columns, format };
        filters.AddTo(command);
        command.SetAction(parsed => TasksActions.List(
            TasksSettings.Workspace(parsed.GetValue(workspace)), filters.Read(parsed), parsed.GetValue(columns) ?? [], parsed.GetValue(format)!, output, error));

        command.Add(Show(output, error));
        command.Add(Load(output, error));
        command.Add(Diff(output, error));
        command.Add(Tree(output, error));
        command.Add(Clean(output, error));
        return command;
    }

    private static Option<string?> WorkspaceOption() =>
        new("--workspace", "-w") { HelpName = "WORKSPACE", Description = "The workspace (folder or s3://bucket/prefix); default GOKART_WORKSPACE or ./resources" };

    private static Argument<string> Run(string name = "ID|NAME") =>
        new(name) { Description = "A unique id, a unique id prefix, or a task name (its newest run)" };

    private static Command Show(TextWriter output, TextWriter error)
    {
        var run = Run();
        var ws = WorkspaceOption();
        var modules = new Option<bool>("--modules") { Description = "Also print the module versions recorded for the run" };
        var command = new Command("show", "A run's parameters, times, seed, requirements, dependents, outputs and log lines") { run, ws, modules };
        command.SetAction(p => TasksActions.Show(TasksSettings.Workspace(p.GetValue(ws)), p.GetValue(run)!, p.GetValue(modules), output, error));
        return command;
    }

    private static Command Load(TextWriter output, TextWriter error)
    {
        var run = Run();
        var ws = WorkspaceOption();
        var topK = new Option<int>("--top-k") { HelpName = "N", Description = "Rows, items or values to print", DefaultValueFactory = _ => 10 };
        var to = new Option<string?>("--to") { HelpName = "FILE", Description = "Copy the output's bytes to FILE instead of printing" };
        var name = new Option<string>("--output") { HelpName = "NAME", Description = "A named output (default: the main output)", DefaultValueFactory = _ => "output" };
        var command = new Command("load", "Print a run's output readably (or copy it with --to)") { run, ws, topK, to, name };
        command.SetAction(p => TasksActions.Load(TasksSettings.Workspace(p.GetValue(ws)), p.GetValue(run)!, p.GetValue(name)!, p.GetValue(topK), p.GetValue(to), output, error));
        return command;
    }

    private static Command Diff(TextWriter output, TextWriter error)
    {
        var left = Run("ID1");
        var right = Run("ID2");
        var ws = WorkspaceOption();
        var command = new Command("diff", "The parameters that differ between two runs") { left, right, ws };
        command.SetAction(p => TasksActions.Diff(TasksSettings.Workspace(p.GetValue(ws)), p.GetValue(left)!, p.GetValue(right)!, output, error));
        return command;
    }

    private static Command Tree(TextWriter output, TextWriter error)
    {
        var run = Run();
        var ws = WorkspaceOption();
        var command = new Command("tree", "The recorded dependency tree of a run (gokart's tree format)") { run, ws };
        command.SetAction(p => TasksActions.Tree(TasksSettings.Workspace(p.GetValue(ws)), p.GetValue(run)!, output, error));
        return command;
    }

    private static Command Clean(TextWriter output, TextWriter error)
    {
        var ws = WorkspaceOption();
        var filters = new SelectionOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be deleted" };
        var yes = new Option<bool>("--yes") { Description = "Delete the outputs and logs of the selected runs" };
        var command = new Command("clean", "Delete the outputs and run logs of the runs the filters select (never outside the workspace)") { ws, dryRun, yes };
        filters.AddTo(command);
        command.SetAction(p => TasksActions.Clean(TasksSettings.Workspace(p.GetValue(ws)), filters.Read(p), p.GetValue(dryRun), p.GetValue(yes), output, error));
        return command;
    }

    /// <summary>The filter options of the table and of clean.</summary>
    private sealed class SelectionOptions
    {
        private readonly Option<string?> _filter = new("--filter") { HelpName = "NAME", Description = "Task name: substring, or a glob with * and ?" };
        private readonly Option<string[]> _param = new("--param") { HelpName = "COND", Description = "Parameter condition, e.g. lr=0.1 or epochs>5 (repeatable)" };
        private readonly Option<string?> _since = new("--since") { HelpName = "TIME", Description = "Runs that ended at or after this time (ISO-8601; UTC unless an offset is given)" };
        private readonly Option<string?> _until = new("--until") { HelpName = "TIME", Description = "Runs that ended at or before this time" };
        private readonly Option<string> _outputs = new("--outputs") { Description = "Runs whose outputs are present or missing", DefaultValueFactory = _ => "any" };
        private readonly Option<string> _sort = new("--sort") { Description = "Sort by end, start, task, duration, size or id", DefaultValueFactory = _ => "end" };
        private readonly Option<bool> _desc = new("--desc") { Description = "Sort descending" };
        private readonly Option<int?> _newest = new("--newest") { HelpName = "K", Description = "Only the newest K runs of each task" };
        private readonly Option<int?> _limit = new("--limit") { HelpName = "N", Description = "At most N rows" };
        private readonly Option<bool> _unnecessary = new("--unnecessary") { Description = "Only runs no newer run depends on (gokart's delete_unnecessary_output_files)" };

        public SelectionOptions()
        {
            _outputs.AcceptOnlyFromAmong("any", "present", "missing");
            _sort.AcceptOnlyFromAmong("end", "start", "task", "name", "duration", "size", "id");
        }

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _filter, _param, _since, _until, _outputs, _sort, _desc, _newest, _limit, _unnecessary })
            {
                command.Add(option);
            }
        }

        public TaskSelection Read(ParseResult parsed) => new()
        {
            Filter = parsed.GetValue(_filter),
            Params = parsed.GetValue(_param) ?? [],
            Since = parsed.GetValue(_since),
            Until = parsed.GetValue(_until),
            Outputs = parsed.GetValue(_outputs)!,
            Sort = parsed.GetValue(_sort)!,
            Descending = parsed.GetValue(_desc),
            Newest = parsed.GetValue(_newest),
            Limit = parsed.GetValue(_limit),
            Unnecessary = parsed.GetValue(_unnecessary),
        };
    }
}
