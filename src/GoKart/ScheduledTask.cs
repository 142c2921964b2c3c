using GoKart.Execution;

namespace GoKart;

/// <summary>A task a build will run, as an <see cref="ITaskExecutor"/> sees it: identity, edges, the task itself.</summary>
public sealed class ScheduledTask
{
    private readonly List<ScheduledTask> _dependencies = [];
    private readonly List<ScheduledTask> _dependents = [];

    internal ScheduledTask(TaskNode node, int index)
    {
        Node = node;
        Index = index;
    }

    /// <summary>The task class name.</summary>
    public string Name => Node.Name;

    /// <summary>The unique id (hash of class and parameters).</summary>
    public string UniqueId => Node.Id;

    /// <summary><c>Name[id]</c>.</summary>
    public string Label => Node.Label;

    /// <summary>The position in the plan (requirements first).</summary>
    public int Index { get; }

    /// <summary>The task instance.</summary>
    public TaskOnKart Task => Node.Task;

    /// <summary>Scheduled requirements only (complete ones are left out), distinct.</summary>
    public IReadOnlyList<ScheduledTask> Dependencies => _dependencies;

    /// <summary>Scheduled tasks that require this one, distinct.</summary>
    public IReadOnlyList<ScheduledTask> Dependents => _dependents;

    /// <summary>The main output's path in the workspace; it exists once the task finished (it is published last).</summary>
    public string OutputPath => Node.Task.OutputTarget.Path;

    /// <summary>The outcome so far: null while waiting or running; set by the plan's reports (failures mark dependents).</summary>
    public TaskRunStatus? Status => Node.Status;

    internal TaskNode Node { get; }

    internal static List<ScheduledTask> From(List<TaskNode> scheduled)
    {
        var byNode = new Dictionary<TaskNode, ScheduledTask>(ReferenceEqualityComparer.Instance);
        var result = new List<ScheduledTask>(scheduled.Count);
        foreach (var node in scheduled)
        {
            var task = new ScheduledTask(node, result.Count);
            byNode[node] = task;
            result.Add(task);
        }

        foreach (var task in result)
        {
            foreach (var dependency in task.Node.Dependencies.Distinct())
            {
                if (byNode.TryGetValue(dependency, out var scheduledDependency))
                {
                    task._dependencies.Add(scheduledDependency);
                    scheduledDependency._dependents.Add(task);
                }
            }
        }

        return result;
    }
}
