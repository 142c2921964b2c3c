using System.Text;
using GoKart.Descriptors;
using GoKart.Hashing;

namespace GoKart.Execution;

/// <summary>
/// The dependency graph of a root task: every distinct task (deduplicated by unique id) in dependency
/// order. Built without recursion (a 100,000-deep chain is fine) and without touching storage; calls
/// each task's <see cref="TaskOnKart.Requires"/> once.
/// </summary>
internal sealed class TaskGraph
{
    private TaskGraph(TaskNode root, List<TaskNode> nodes)
    {
        Root = root;
        Nodes = nodes;
    }

    public TaskNode Root { get; }

    /// <summary>Every node, requirements before the tasks that need them.</summary>
    public IReadOnlyList<TaskNode> Nodes { get; }

    public static string ComputeUniqueId(TaskOnKart task) => Build(task).Root.Id;

    /// <param name="root">The root task.</param>
    /// <param name="prepare">
    /// Called once per task instance before its parameters are read (the command line fills in
    /// configured parameter values here, so they count in the unique id).
    /// </param>
    public static TaskGraph Build(TaskOnKart root, Action<TaskOnKart>? prepare = null)
    {
        var builder = new Builder(prepare);
        var rootNode = builder.Run(root);
        return new TaskGraph(rootNode, builder.Nodes);
    }

    private sealed class Frame
    {
        public required TaskOnKart Task { get; init; }

        public required Dependencies Requires { get; init; }

        public required TaskNode[] Children { get; init; }

        public required string?[] Serialized { get; init; }

        public string? Key { get; init; }

        public int Index { get; set; }
    }

    private sealed class Builder(Action<TaskOnKart>? prepare)
    {
        private readonly Dictionary<string, TaskNode> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<TaskOnKart, TaskNode> _byInstance = new(ReferenceEqualityComparer.Instance);

        // Tasks without task parameters are fully determined by class and parameter values, so equal
        // instances made by different Requires() calls share one node without walking their subgraph again.
        private readonly Dictionary<string, TaskNode> _byKey = new(StringComparer.Ordinal);
        private readonly HashSet<string> _keysOnPath = new(StringComparer.Ordinal);
        private readonly HashSet<TaskOnKart> _instancesOnPath = new(ReferenceEqualityComparer.Instance);
        private readonly Stack<Frame> _stack = new();
        private readonly StringBuilder _scratch = new(256);

        public List<TaskNode> Nodes { get; } = [];

        public TaskNode Run(TaskOnKart root)
        {
            if (TryResolve(root) is { } known)
            {
                return known;
            }

            Push(root);
            TaskNode? result = null;
            while (_stack.Count > 0)
            {
                var frame = _stack.Peek();
                if (frame.Index < frame.Children.Length)
                {
                    var child = frame.Requires.Flat[frame.Index];
                    if (TryResolve(child) is { } resolved)
                    {
                        frame.Children[frame.Index++] = resolved;
                    }
                    else
                    {
                        Push(child);
                    }

                    continue;
                }

                _stack.Pop();
                _instancesOnPath.Remove(frame.Task);
                if (frame.Key is not null)
                {
                    _keysOnPath.Remove(frame.Key);
                }

                var node = Complete(frame);
                if (_stack.Count > 0)
                {
                    var parent = _stack.Peek();
                    parent.Children[parent.Index++] = node;
                }
                else
                {
                    result = node;
                }
            }

            return result!;
        }

        private TaskNode? TryResolve(TaskOnKart task)
        {
            if (_byInstance.TryGetValue(task, out var node))
            {
                return node;
            }

            if (task.CachedUniqueId is { } id && _byId.TryGetValue(id, out node))
            {
                _byInstance[task] = node;
                return node;
            }

            return null;
        }

        private void Push(TaskOnKart task)
        {
            prepare?.Invoke(task);
            var descriptor = task.Descriptor;
            var serialized = SerializeScalars(task, descriptor);
            var key = descriptor.TaskParameters.Length == 0 ? OwnKey(descriptor, serialized) : null;
            if (key is not null && _byKey.TryGetValue(key, out var known))
            {
                // Equal to a task already in the graph; the parent picks it up through TryResolve next time round.
                _byInstance[task] = known;
                task.CachedUniqueId ??= known.Id;
                var parent = _stack.Peek();
                parent.Children[parent.Index++] = known;
                return;
            }

            if ((key is not null && _keysOnPath.Contains(key)) || _instancesOnPath.Contains(task))
            {
                throw CycleError(descriptor);
            }

            Dependencies requires;
            try
            {
                requires = task.GetRequires();
            }
            catch (Exception e) when (e is not TaskDefinitionException)
            {
                throw new TaskDefinitionException(descriptor.ClassName, $"Requires() of task '{descriptor.ClassName}' threw {e.GetType().Name}: {e.Message}", e);
            }

            if (requires is null)
            {
                throw new TaskDefinitionException(descriptor.ClassName, $"Requires() of task '{descriptor.ClassName}' returned null; return Dependencies.None instead.");
            }

            if (key is not null)
            {
                _keysOnPath.Add(key);
            }

            _instancesOnPath.Add(task);
            _stack.Push(new Frame
            {
                Task = task,
                Requires = requires,
                Children = new TaskNode[requires.Count],
                Serialized = serialized,
                Key = key,
            });
        }

        // Apart from Push: a method that uses LINQ loads System.Linq when it is first called, cycle or not (issue 18, start-up).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private TaskDefinitionException CycleError(TaskDescriptor descriptor)
        {
            var cycle = _stack.Reverse().Select(f => f.Task.Descriptor.ClassName).Append(descriptor.ClassName);
            return new TaskDefinitionException(descriptor.ClassName, $"Dependency cycle: {string.Join(" -> ", cycle)}");
        }

        private TaskNode Complete(Frame frame)
        {
            var task = frame.Task;
            var descriptor = task.Descriptor;
            var sb = _scratch.Clear().Append('[');
            foreach (var child in frame.Children)
            {
                if (child.Task.Descriptor.Options.Significant)
                {
                    UniqueIdHasher.AppendRequirement(sb, child.Id);
                }
            }

            sb.Append('{');
            var first = true;
            for (var i = 0; i < descriptor.Parameters.Length; i++)
            {
                var parameter = descriptor.Parameters[i];
                if (parameter.Significant)
                {
                    UniqueIdHasher.AppendParameter(sb, ref first, parameter.SnakeName, frame.Serialized[i] ?? SerializeTaskParameter(task, parameter));
                }
            }

            UniqueIdHasher.AppendEnd(sb, descriptor.ClassName, descriptor.CodeVersion);
            var id = UniqueIdHasher.Hash(sb);
            task.CachedUniqueId ??= id;
            if (!_byId.TryGetValue(id, out var node))
            {
                node = new TaskNode(task, id, frame.Children, frame.Requires);
                AddEdges(node, frame.Children);

                _byId.Add(id, node);
                Nodes.Add(node);
            }

            _byInstance[task] = node;
            if (frame.Key is not null)
            {
                _byKey[frame.Key] = node;
            }

            return node;
        }

        private static void AddEdges(TaskNode node, TaskNode[] dependencies)
        {
            foreach (var dependency in dependencies)
            {
                // A requirement listed twice gets one edge: the node is new, so it can only be the last one added.
                if (dependency.Dependents.Count == 0 || dependency.Dependents[^1] != node)
                {
                    dependency.Dependents.Add(node);
                }
            }
        }

        internal static string?[] SerializeScalars(TaskOnKart task, TaskDescriptor descriptor)
        {
            var values = new string?[descriptor.Parameters.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = descriptor.Parameters[i];
                if (!parameter.IsTask)
                {
                    values[i] = LuigiSerializer.Serialize(parameter.GetValue(task), parameter.Type);
                }
            }

            return values;
        }

        private string OwnKey(TaskDescriptor descriptor, string?[] serialized) => KeyOf(_scratch.Clear(), descriptor, serialized);
    }

    /// <summary>
    /// Class and parameter values of a task without task parameters, which determine its unique id; null for a task
    /// with task parameters. Lets a fresh but equal instance find its node without hashing its whole subgraph.
    /// </summary>
    public static string? KeyOf(TaskOnKart task)
    {
        var descriptor = task.Descriptor;
        return descriptor.TaskParameters.Length == 0 ? KeyOf(new StringBuilder(128), descriptor, Builder.SerializeScalars(task, descriptor)) : null;
    }

    private static string KeyOf(StringBuilder sb, TaskDescriptor descriptor, string?[] serialized)
    {
        sb.Append(descriptor.Type.FullName);
        foreach (var value in serialized)
        {
            sb.Append('\u0001').Append(value);
        }

        return sb.ToString();
    }

    /// <summary>
    /// A task parameter contributes its task's unique id (gokart also folds in a bz2 blob of the task's
    /// definition; we do not). An insignificant task contributes only its class name.
    /// </summary>
    internal static string SerializeTaskParameter(TaskOnKart owner, ParameterDescriptor parameter)
    {
        switch (parameter.GetValue(owner))
        {
            case null:
                return "None";
            case TaskOnKart task:
                return TaskToken(task);
            case IEnumerable<TaskOnKart> tasks:
                var sb = new StringBuilder("[");
                var first = true;
                foreach (var task in tasks)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    PythonJson.AppendString(sb, TaskToken(task));
                }

                return sb.Append(']').ToString();
            default:
                throw new TaskDefinitionException(owner.Descriptor.ClassName, $"Parameter '{parameter.Name}' of '{owner.Descriptor.ClassName}' does not hold a task.");
        }
    }

    private static string TaskToken(TaskOnKart task) =>
        task.Descriptor.Options.Significant ? task.UniqueId : task.Descriptor.ClassName;
}
