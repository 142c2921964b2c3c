using GoKart.Viewer;

namespace GoKart.Ui.Graph;

/// <summary>A run and everything upstream of it as graph nodes; a requirement without logs here is a node of unknown state.</summary>
internal static class RunGraph
{
    public static IReadOnlyList<GraphNode> Nodes(WorkspaceRuns runs, TaskRun root)
    {
        var nodes = new List<GraphNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs.Upstream(root).Prepend(root))
        {
            if (!seen.Add(run.Id))
            {
                continue;
            }

            var requirements = runs.Requirements(run);
            nodes.Add(new GraphNode(run.Id, run.TaskName, run.OutputsPresent ? "complete" : "missing", [.. requirements.Select(r => r.Requirement.Id)]));
            foreach (var (requirement, _) in requirements.Where(r => r.Run is null))
            {
                if (seen.Add(requirement.Id))
                {
                    nodes.Add(new GraphNode(requirement.Id, requirement.TaskName, "unknown", []));
                }
            }
        }

        return nodes;
    }
}
