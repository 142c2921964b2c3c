namespace GoKart.Execution;

/// <summary>One distinct task (by unique id) in a build graph, with its edges and execution state.</summary>
internal sealed class TaskNode(TaskOnKart task, string id, TaskNode[] dependencies, Dependencies requires)
{
    private Dictionary<string, TaskNode>? _dependenciesById;
    private Dictionary<string, TaskNode>? _dependenciesByKey;

    public TaskOnKart Task { get; } = task;

    public string Id { get; } = id;

    public string Name => Task.Descriptor.ClassName;

    /// <summary><c>Name[id]</c>, gokart's way of naming a task in the tree and messages.</summary>
    public string Label => $"{Name}[{Id}]";

    /// <summary>Requirements in <see cref="Requires"/> order, flattened (may repeat).</summary>
    public TaskNode[] Dependencies { get; } = dependencies;

    /// <summary>What <see cref="TaskOnKart.Requires"/> returned, kept for the shape of <c>Load()</c>.</summary>
    public Dependencies Requires { get; } = requires;

    public List<TaskNode> Dependents { get; } = [];

    public TaskRunStatus? Status { get; set; }

    /// <summary>Requirements still to finish before this node can run.</summary>
    public int PendingDependencies { get; set; }

    public bool Scheduled { get; set; }

    public TimeSpan? Duration { get; set; }

    public Exception? Error { get; set; }

    /// <summary>How many times the task was run in this build (more than 1 after retries).</summary>
    public int Attempts { get; set; }

    /// <summary>What the task's OnFailure hook returned after its last failure.</summary>
    public string? FailureExplanation { get; set; }

    /// <summary>Keep the output in memory after running (the root's, returned by the build); others are dropped.</summary>
    public bool KeepValue { get; set; }

    public object? Value { get; set; }

    /// <summary>
    /// The requirement <paramref name="task"/> stands for: the same instance, one with its id, or (for a fresh instance
    /// of a task without task parameters, as <c>Load(new Step { Index = i - 1 })</c> makes) one with its class and
    /// parameter values. The last avoids computing a fresh instance's id, which hashes its whole subgraph again: a
    /// chain whose tasks load fresh parents would otherwise cost quadratic time.
    /// </summary>
    public TaskNode? FindDependency(TaskOnKart task)
    {
        if (task.CachedUniqueId is { } known)
        {
            return FindDependency(known);
        }

        foreach (var dependency in Dependencies)
        {
            if (ReferenceEquals(dependency.Task, task))
            {
                return dependency;
            }
        }

        if (TaskGraph.KeyOf(task) is { } key)
        {
            _dependenciesByKey ??= Dependencies.Select(d => (Key: TaskGraph.KeyOf(d.Task), Node: d)).Where(p => p.Key is not null).DistinctBy(p => p.Key).ToDictionary(p => p.Key!, p => p.Node, StringComparer.Ordinal);
            if (_dependenciesByKey.TryGetValue(key, out var node))
            {
                task.CachedUniqueId = node.Id;
                return node;
            }
        }

        return FindDependency(task.UniqueId);
    }

    public TaskNode? FindDependency(string id)
    {
        if (Dependencies.Length <= 8)
        {
            return Array.Find(Dependencies, d => d.Id == id);
        }

        _dependenciesById ??= Dependencies.DistinctBy(d => d.Id).ToDictionary(d => d.Id);
        return _dependenciesById.GetValueOrDefault(id);
    }
}
