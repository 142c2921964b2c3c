namespace GoKart.Execution;

/// <summary>One distinct task (by unique id) in a build graph, with its edges and execution state.</summary>
internal sealed class TaskNode(TaskOnKart task, string id, TaskNode[] dependencies, Dependencies requires)
{
    private Dictionary<string, TaskNode>? _dependenciesById;

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
