using System.Globalization;
using GoKart.Cli.Experiments;
using GoKart.Viewer;

namespace GoKart.Cli.Tasks;

/// <summary>What each <c>gokart tasks</c> verb does: scan, select, print. Errors go to stderr with exit code 2.</summary>
internal static class TasksActions
{
    public static int List(string workspace, TaskSelection selection, IReadOnlyList<string> columns, string format, TextWriter output, TextWriter error)
    {
        var unknown = columns.Where(c => !TaskTable.AllColumns.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            return Fail(error, $"--columns: unknown column(s) {string.Join(", ", unknown)}; columns are: {string.Join(", ", TaskTable.AllColumns)}.");
        }

        return WithRuns(workspace, error, (_, runs) =>
        {
            var selected = selection.Apply(runs);
            var table = TaskTable.Build(selected, columns.Count > 0 ? columns : TaskTable.DefaultColumns, TaskTable.ShortIds(runs.Runs));
            output.Write(format == "table" ? TableExport.Plain(table) : TableExport.Render(table, "." + format));
            if (format == "table")
            {
                error.WriteLine($"{selected.Count} of {runs.Runs.Count} runs");
            }

            return GokartCommand.Ok;
        });
    }

    public static int Show(string workspace, string query, bool modules, TextWriter output, TextWriter error) =>
        WithRun(workspace, query, error, (index, runs, run) =>
        {
            var shortId = TaskTable.ShortIds(runs.Runs);
            output.WriteLine($"{run.TaskName}[{run.Id}]");
            Field(output, "type", run.TypeName ?? "(not recorded)");
            Field(output, "start", TaskTable.Time(run.Start));
            Field(output, "end", TaskTable.Time(run.End));
            Field(output, "duration", run.ProcessingTime is { } d ? TaskTable.Duration(d) : string.Empty);
            Field(output, "random_seed", run.RandomSeed?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            output.WriteLine("parameters:");
            foreach (var (name, value) in run.Parameters)
            {
                output.WriteLine($"  {name} = {value}");
            }

            output.WriteLine("requires:" + (run.Requires is null ? " (not recorded by the build that wrote these logs)" : run.Requires.Count == 0 ? " (none)" : string.Empty));
            foreach (var (requirement, found) in runs.Requirements(run))
            {
                var name = requirement.Name is null ? string.Empty : requirement.Name + ": ";
                output.WriteLine($"  {name}{requirement.TaskName}[{shortId(requirement.Id)}]{(found is null ? " (no run log here)" : string.Empty)}");
            }

            var dependents = runs.Dependents(run);
            output.WriteLine("dependents:" + (dependents.Count == 0 ? " (none)" : string.Empty));
            foreach (var dependent in dependents)
            {
                output.WriteLine($"  {dependent.TaskName}[{shortId(dependent.Id)}]");
            }

            output.WriteLine("outputs:");
            foreach (var o in run.Outputs)
            {
                output.WriteLine($"  {o.Name}: {o.Location} ({(o.Exists ? TaskTable.Size(o.Size!.Value) : "missing")})");
            }

            output.WriteLine("log:");
            foreach (var (time, level, message) in index.ReadTaskLogAsync(run).GetAwaiter().GetResult())
            {
                output.WriteLine($"  {TaskTable.Time(time)} {level} {message}");
            }

            if (modules)
            {
                output.WriteLine("modules:");
                foreach (var line in index.ReadModuleVersionsAsync(run).GetAwaiter().GetResult())
                {
                    output.WriteLine("  " + line);
                }
            }

            return GokartCommand.Ok;
        });

    public static int Load(string workspace, string query, string outputName, int topK, string? to, TextWriter output, TextWriter error) =>
        WithRun(workspace, query, error, (index, _, run) =>
        {
            var found = run.Outputs.FirstOrDefault(o => o.Name == outputName);
            if (found is null)
            {
                return Fail(error, $"{run} has no output named '{outputName}'; outputs: {string.Join(", ", run.Outputs.Select(o => o.Name))}.");
            }

            if (!found.Exists)
            {
                return Fail(error, $"The output of {run} is gone: {found.Location} does not exist.");
            }

            if (to is not null)
            {
                using (var file = File.Create(to))
                {
                    index.CopyOutputAsync(run, outputName, file).GetAwaiter().GetResult();
                }

                error.WriteLine($"wrote {found.Size} bytes to {to}");
                return GokartCommand.Ok;
            }

            output.Write(index.PreviewAsync(run, outputName, topK).GetAwaiter().GetResult());
            return GokartCommand.Ok;
        });

    public static int Diff(string workspace, string first, string second, TextWriter output, TextWriter error) =>
        WithRuns(workspace, error, (_, runs) =>
        {
            var left = runs.Resolve(first);
            var right = runs.Resolve(second);
            output.WriteLine($"--- {left}");
            output.WriteLine($"+++ {right}");
            var changes = WorkspaceRuns.Diff(left, right);
            foreach (var change in changes)
            {
                output.WriteLine(change.Kind switch
                {
                    ParameterChangeKind.Changed => $"~ {change.Name}: {change.Before} -> {change.After}",
                    ParameterChangeKind.Added => $"+ {change.Name}: {change.After}",
                    _ => $"- {change.Name}: {change.Before}",
                });
            }

            if (changes.Count == 0)
            {
                output.WriteLine("(same parameters)");
            }

            return GokartCommand.Ok;
        });

    public static int Tree(string workspace, string query, TextWriter output, TextWriter error) =>
        WithRun(workspace, query, error, (_, runs, run) =>
        {
            output.Write(runs.RenderTree(run));
            return GokartCommand.Ok;
        });

    public static int Clean(string workspace, TaskSelection selection, bool dryRun, bool yes, TextWriter output, TextWriter error)
    {
        if (dryRun == yes)
        {
            return Fail(error, "clean needs exactly one of --dry-run (list what would be deleted) or --yes (delete).");
        }

        if (!selection.SelectsSomething)
        {
            return Fail(error, "clean needs a selection (--filter, --param, --since, --until, --outputs, --newest or --unnecessary); it never deletes every run by default.");
        }

        return WithRuns(workspace, error, (index, runs) =>
        {
            if (selection.Unnecessary && !runs.GraphComplete)
            {
                error.WriteLine("warning: some run logs predate recorded requirements; --unnecessary selects nothing it cannot prove unused.");
            }

            var selected = selection.Apply(runs);
            var paths = index.CleanAsync(selected, dryRun).GetAwaiter().GetResult();
            foreach (var path in paths)
            {
                output.WriteLine((dryRun ? "would delete " : "deleted ") + index.Store.Describe(path));
            }

            error.WriteLine($"{(dryRun ? "would delete" : "deleted")} {paths.Count} files of {selected.Count} runs");
            return GokartCommand.Ok;
        });
    }

    private static int WithRun(string workspace, string query, TextWriter error, Func<WorkspaceIndex, WorkspaceRuns, TaskRun, int> action) =>
        WithRuns(workspace, error, (index, runs) => action(index, runs, runs.Resolve(query)));

    private static int WithRuns(string workspace, TextWriter error, Func<WorkspaceIndex, WorkspaceRuns, int> action)
    {
        if (!workspace.Contains("://", StringComparison.Ordinal) && !Directory.Exists(workspace))
        {
            return Fail(error, $"workspace '{workspace}' does not exist (give a folder or s3://bucket/prefix, or set GOKART_WORKSPACE).");
        }

        try
        {
            var index = TasksSettings.Open(workspace);
            var runs = index.ScanAsync().GetAwaiter().GetResult();
            foreach (var problem in runs.Problems)
            {
                error.WriteLine("warning: skipped " + problem);
            }

            if (runs.Problems.Count > 0)
            {
                error.WriteLine($"warning: {runs.Problems.Count} log file(s) could not be read");
            }

            if (runs.Runs.Count == 0)
            {
                error.WriteLine($"no task runs recorded in {index.Store.Describe("log")}");
            }

            return action(index, runs);
        }
        catch (RunLookupException e)
        {
            error.WriteLine("error: " + e.Message);
            var shortId = TaskTable.ShortIds(e.Candidates);
            foreach (var candidate in e.Candidates.Take(20))
            {
                error.WriteLine($"  {shortId(candidate.Id)}  {candidate.TaskName}  {TaskTable.Time(candidate.End)}  {TaskTable.Parameters(candidate)}");
            }

            return GokartCommand.BadArguments;
        }
        catch (ArgumentException e)
        {
            return Fail(error, e.Message);
        }
    }

    private static void Field(TextWriter output, string name, string value) => output.WriteLine($"{name}: {value}");

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("error: " + message);
        return GokartCommand.BadArguments;
    }
}
