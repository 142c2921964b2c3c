using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>
/// Decides what a build runs, luigi's way: a complete task is not run and its requirements are not
/// looked at; an incomplete (or rerun) task is scheduled and its requirements are visited. Completion
/// reads only existence and modification times from the store.
/// </summary>
internal sealed class BuildPlanner(BuildSession session)
{
    private readonly Dictionary<TaskNode, bool> _complete = new(ReferenceEqualityComparer.Instance);

    /// <summary>Nodes to run, requirements first; sets <see cref="TaskNode.Status"/> of complete ones.</summary>
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public async ValueTask<List<TaskNode>> PlanAsync(TaskGraph graph, CancellationToken cancellationToken)
    {
        var scheduled = new List<TaskNode>();
        var visited = new HashSet<TaskNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<TaskNode>();
        stack.Push(graph.Root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            if (!MustRerun(graph, node) && await IsCompleteAsync(node, cancellationToken).ConfigureAwait(false))
            {
                node.Status = TaskRunStatus.AlreadyComplete;
                continue;
            }

            node.Scheduled = true;
            scheduled.Add(node);
            foreach (var dependency in node.Dependencies)
            {
                stack.Push(dependency);
            }
        }

        // Graph order is dependency order; keep it for deterministic scheduling and reports.
        var order = new Dictionary<TaskNode, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            order[graph.Nodes[i]] = i;
        }

        scheduled.Sort((a, b) => order[a].CompareTo(order[b]));
        return scheduled;
    }

    public bool MustRerun(TaskGraph graph, TaskNode node) =>
        session.Options.RerunAll || node.Task.Descriptor.Options.Rerun || (session.Options.Rerun && node == graph.Root);

    /// <summary>gokart's complete(): outputs exist; with strict_check requirements complete too; with modification_time_check outputs newer than inputs.</summary>
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public async ValueTask<bool> IsCompleteAsync(TaskNode node, CancellationToken cancellationToken)
    {
        if (_complete.TryGetValue(node, out var known))
        {
            return known;
        }

        // Strict checks can reach deep chains; settle requirements bottom-up without recursion.
        if (session.StrictCheck(node.Task))
        {
            foreach (var dependency in PostOrder(node))
            {
                if (dependency != node && !_complete.ContainsKey(dependency))
                {
                    _complete[dependency] = await CheckOneAsync(dependency, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var result = await CheckOneAsync(node, cancellationToken).ConfigureAwait(false);
        _complete[node] = result;
        return result;
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    private async ValueTask<bool> CheckOneAsync(TaskNode node, CancellationToken cancellationToken)
    {
        var task = node.Task;
        var store = session.Store;
        var outputs = Outputs(task);
        foreach (var target in outputs)
        {
            if (!await store.ExistsAsync(target.Path, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        if (session.StrictCheck(task) && !DependenciesComplete(node))
        {
            return false;
        }

        if (!session.ModificationTimeCheck(task) || node.Dependencies.Length == 0)
        {
            return true;
        }

        var oldestOutput = DateTimeOffset.MaxValue;
        foreach (var target in outputs)
        {
            var modified = await store.GetLastModifiedAsync(target.Path, cancellationToken).ConfigureAwait(false);
            oldestOutput = modified is { } m && m < oldestOutput ? m : oldestOutput;
        }

        foreach (var dependency in node.Dependencies)
        {
            foreach (var input in Outputs(dependency.Task))
            {
                var modified = await store.GetLastModifiedAsync(input.Path, cancellationToken).ConfigureAwait(false);
                if (modified is { } m && m > oldestOutput)
                {
                    return false;
                }
            }
        }

        return true;
    }

    // Loops rather than LINQ (Append, All): System.Linq is loaded when a method using it is first called, which cost a
    // fresh process's first Kart.Build of a complete task an assembly load (issue 18).
    private static List<Target> Outputs(TaskOnKart task)
    {
        var additional = task.AdditionalOutputTargets;
        var outputs = new List<Target>(additional.Count + 1);
        foreach (var target in additional.Values)
        {
            outputs.Add(target);
        }

        outputs.Add(task.OutputTarget);
        return outputs;
    }

    private bool DependenciesComplete(TaskNode node)
    {
        foreach (var dependency in node.Dependencies)
        {
            if (!_complete.TryGetValue(dependency, out var complete) || !complete)
            {
                return false;
            }
        }

        return true;
    }

    private static List<TaskNode> PostOrder(TaskNode start)
    {
        var result = new List<TaskNode>();
        var seen = new HashSet<TaskNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(TaskNode Node, bool Expanded)>();
        stack.Push((start, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded)
            {
                result.Add(node);
                continue;
            }

            if (!seen.Add(node))
            {
                continue;
            }

            stack.Push((node, true));
            foreach (var dependency in node.Dependencies)
            {
                stack.Push((dependency, false));
            }
        }

        return result;
    }
}
