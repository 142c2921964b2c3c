using System.Text;

namespace GoKart.Viewer;

/// <summary>The recorded graph: requirements, dependents, transitive lineage, unnecessary runs, the tree.</summary>
public sealed partial class WorkspaceRuns
{
    /// <summary>The run's direct requirements as recorded, each with its run when the workspace has its logs.</summary>
    public IReadOnlyList<(RunRequirement Requirement, TaskRun? Run)> Requirements(TaskRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. (run.Requires ?? []).Select(q => (q, this[q.Id]))];
    }

    /// <summary>The runs that recorded this run as a direct requirement.</summary>
    public IReadOnlyList<TaskRun> Dependents(TaskRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. _dependents.Value[run.Id]];
    }

    /// <summary>Every run this one used, directly or not (those whose logs are in the workspace).</summary>
    public IReadOnlyList<TaskRun> Upstream(TaskRun run) => Walk(run, r => Requirements(r).Select(p => p.Run).OfType<TaskRun>());

    /// <summary>Every run that used this one, directly or not.</summary>
    public IReadOnlyList<TaskRun> Downstream(TaskRun run) => Walk(run, Dependents);

    /// <summary>
    /// The runs nothing needs any more (gokart's <c>delete_unnecessary_output_files</c>, from the logs alone): the
    /// newest run of each task (by full type name) is needed, and so is everything upstream of a needed run;
    /// the rest are unnecessary. With a partial graph (a needed run whose logs predate recorded requirements)
    /// nothing can be proven unnecessary, and the result is empty.
    /// </summary>
    public IReadOnlyList<TaskRun> Unnecessary()
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<TaskRun>(Runs.GroupBy(r => r.TypeName ?? r.TaskName, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.End ?? DateTimeOffset.MinValue)!));
        while (stack.Count > 0)
        {
            var run = stack.Pop();
            if (!needed.Add(run.Id))
            {
                continue;
            }

            if (run.Requires is null)
            {
                return [];
            }

            foreach (var requirement in run.Requires)
            {
                if (this[requirement.Id] is { } upstream)
                {
                    stack.Push(upstream);
                }
            }
        }

        return [.. Runs.Where(r => !needed.Contains(r.Id))];
    }

    /// <summary>
    /// The recorded dependency tree in gokart's format: <c>(COMPLETE)</c> when every output exists, <c>(PENDING)</c>
    /// otherwise; a requirement without logs here ends its branch; a repeated subtree is shown once.
    /// </summary>
    public string RenderTree(TaskRun root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var builder = new StringBuilder();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Label, TaskRun? Run, string Indent, bool Last)>();
        stack.Push((root.ToString(), root, string.Empty, true));
        while (stack.Count > 0)
        {
            var (label, run, indent, last) = stack.Pop();
            var childIndent = indent + (last ? "   " : "|  ");
            var status = run is { OutputsPresent: true } ? "COMPLETE" : "PENDING";
            builder.Append(indent).Append(last ? "└─-" : "|--").Append('(').Append(status).Append(") ").Append(label);
            if (run is null)
            {
                builder.Append(" (no run log in this workspace)\n");
                continue;
            }

            if (run.Requires is null)
            {
                builder.Append(" (requirements not recorded)");
            }

            builder.Append('\n');
            if (!visited.Add(run.Id))
            {
                builder.Append(childIndent).Append("└─- ...\n");
                continue;
            }

            var requirements = Requirements(run);
            for (var i = requirements.Count - 1; i >= 0; i--)
            {
                var (requirement, child) = requirements[i];
                stack.Push(($"{requirement.TaskName}[{requirement.Id}]", child, childIndent, i == requirements.Count - 1));
            }
        }

        return builder.ToString();
    }

    private static List<TaskRun> Walk(TaskRun start, Func<TaskRun, IEnumerable<TaskRun>> next)
    {
        ArgumentNullException.ThrowIfNull(start);
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Id };
        var result = new List<TaskRun>();
        var queue = new Queue<TaskRun>([start]);
        while (queue.Count > 0)
        {
            foreach (var run in next(queue.Dequeue()))
            {
                if (seen.Add(run.Id))
                {
                    result.Add(run);
                    queue.Enqueue(run);
                }
            }
        }

        return result;
    }
}
