namespace GoKart.Ui.Graph;

/// <summary>
/// Lays a dependency graph out in layers, left to right: requirements on the left, the root on the right. Same-class
/// siblings (requirements of one node) past a threshold collapse into one node with a count, as luigi's summary
/// collapses them, so that thousands of tasks stay readable. Pure: no I/O.
/// </summary>
internal static class GraphLayout
{
    public const double ColumnWidth = 260;
    public const double RowHeight = 36;
    public const int DefaultThreshold = 20;

    private static readonly string[] StatePriority = ["failed", "running", "missing", "pending", "unknown", "done", "complete"];

    /// <param name="nodes">The tasks.</param>
    /// <param name="roots">Where to start (the rest is what they require); null for every node no other node requires.</param>
    /// <param name="threshold">Siblings of one class past this count collapse.</param>
    public static GraphLayoutResult Layout(IReadOnlyList<GraphNode> nodes, IReadOnlyList<string>? roots = null, int threshold = DefaultThreshold)
    {
        var byKey = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byKey.TryAdd(node.Key, node);
        }

        roots ??= [.. nodes.Select(n => n.Key).Except(nodes.SelectMany(n => n.Requires), StringComparer.Ordinal)];
        var (groups, order, edges) = Collapse(byKey, roots, threshold);
        var layer = Layers(order, edges);
        var columns = Columns(order, edges, layer);

        var laidOut = new List<LaidOutNode>(order.Count);
        foreach (var (column, index) in columns.Select((c, i) => (c, i)))
        {
            for (var row = 0; row < column.Count; row++)
            {
                var key = column[row];
                var members = groups[key];
                var first = byKey[members[0]];
                laidOut.Add(new LaidOutNode(
                    key, first.TaskName, members.Count == 1 ? first.State : GroupState(members.Select(m => byKey[m].State)),
                    members.Count, members.Count == 1 && members[0] == key ? [] : members, index, index * ColumnWidth, row * RowHeight));
            }
        }

        var height = Math.Max(1, columns.Count == 0 ? 0 : columns.Max(c => c.Count)) * RowHeight;
        return new GraphLayoutResult(laidOut, [.. edges.Select(e => (e.Requirement, e.Dependent))], Math.Max(1, columns.Count) * ColumnWidth, height);
    }

    private static (Dictionary<string, List<string>> Groups, List<string> Order, List<(string Requirement, string Dependent)> Edges) Collapse(
        Dictionary<string, GraphNode> byKey, IReadOnlyList<string> roots, int threshold)
    {
        var representative = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        var edges = new List<(string, string)>();
        var seenEdges = new HashSet<(string, string)>();
        var queue = new Queue<string>();
        foreach (var root in roots.Where(byKey.ContainsKey).Distinct(StringComparer.Ordinal))
        {
            representative[root] = root;
            groups[root] = [root];
            order.Add(root);
            queue.Enqueue(root);
        }

        while (queue.Count > 0)
        {
            var rep = queue.Dequeue();
            var children = groups[rep].SelectMany(m => byKey[m].Requires).Where(byKey.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
            foreach (var sameClass in children.Where(c => !representative.ContainsKey(c)).GroupBy(c => byKey[c].TaskName, StringComparer.Ordinal))
            {
                var members = sameClass.ToList();
                if (members.Count > threshold)
                {
                    Add($"group:{rep}:{sameClass.Key}", members);
                }
                else
                {
                    members.ForEach(m => Add(m, [m]));
                }
            }

            foreach (var child in children)
            {
                var edge = (representative[child], rep);
                if (edge.Item1 != rep && seenEdges.Add(edge))
                {
                    edges.Add(edge);
                }
            }
        }

        return (groups, order, edges);

        void Add(string key, List<string> members)
        {
            members.ForEach(m => representative[m] = key);
            groups[key] = members;
            order.Add(key);
            queue.Enqueue(key);
        }
    }

    /// <summary>A node's column: the longest chain of requirements below it (leaves in column 0).</summary>
    private static Dictionary<string, int> Layers(List<string> order, List<(string Requirement, string Dependent)> edges)
    {
        var requires = edges.ToLookup(e => e.Dependent, e => e.Requirement, StringComparer.Ordinal);
        var layer = new Dictionary<string, int>(StringComparer.Ordinal);
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in order)
        {
            Visit(key);
        }

        return layer;

        int Visit(string start)
        {
            // Iterative depth-first search: a chain of thousands of tasks must not overflow the stack.
            var stack = new Stack<(string Key, bool Expanded)>();
            stack.Push((start, false));
            while (stack.Count > 0)
            {
                var (key, expanded) = stack.Pop();
                if (layer.ContainsKey(key))
                {
                    continue;
                }

                if (!expanded)
                {
                    onPath.Add(key);
                    stack.Push((key, true));
                    foreach (var child in requires[key].Where(c => !layer.ContainsKey(c) && !onPath.Contains(c)))
                    {
                        stack.Push((child, false));
                    }

                    continue;
                }

                onPath.Remove(key);
                layer[key] = requires[key].Select(c => layer.TryGetValue(c, out var l) ? l + 1 : 0).DefaultIfEmpty(0).Max();
            }

            return layer[start];
        }
    }

    /// <summary>Columns left to right; within a column, nodes sorted by the mean row of what they require (fewer crossings).</summary>
    private static List<List<string>> Columns(List<string> order, List<(string Requirement, string Dependent)> edges, Dictionary<string, int> layer)
    {
        var count = order.Count == 0 ? 0 : layer.Values.Max() + 1;
        var columns = Enumerable.Range(0, count).Select(_ => new List<string>()).ToList();
        foreach (var key in order)
        {
            columns[layer[key]].Add(key);
        }

        var requires = edges.ToLookup(e => e.Dependent, e => e.Requirement, StringComparer.Ordinal);
        var row = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            var discovery = columns[c].Select((k, i) => (k, i)).ToDictionary(p => p.k, p => (double)p.i, StringComparer.Ordinal);
            if (c > 0)
            {
                columns[c] = [.. columns[c].OrderBy(k => requires[k].Where(row.ContainsKey).Select(r => row[r]).DefaultIfEmpty(double.MaxValue).Average())
                    .ThenBy(k => discovery[k])];
            }

            for (var i = 0; i < columns[c].Count; i++)
            {
                row[columns[c][i]] = i;
            }
        }

        return columns;
    }

    private static string GroupState(IEnumerable<string> states)
    {
        var present = states.ToHashSet(StringComparer.Ordinal);
        return StatePriority.FirstOrDefault(present.Contains) ?? present.First();
    }
}
