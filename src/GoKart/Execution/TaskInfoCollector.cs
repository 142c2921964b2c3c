using System.Text.Json;
using GoKart.Hashing;

namespace GoKart.Execution;

/// <summary>
/// gokart's <c>make_task_info_as_table</c>: every task of a graph once, in the tree's pre-order (a task before
/// its requirements), read from the workspace without running anything.
/// </summary>
internal static class TaskInfoCollector
{
    public static async Task<IReadOnlyList<TaskInfo>> CollectAsync(BuildSession session, TaskGraph graph, CancellationToken cancellationToken)
    {
        var planner = new BuildPlanner(session);
        var order = PreOrder(graph.Root);
        var sizes = await SizesAsync(session, cancellationToken).ConfigureAwait(false);
        var rows = new List<TaskInfo>(order.Count);
        foreach (var node in order)
        {
            var task = node.Task;
            var parameters = task.Descriptor.Parameters.Where(p => p.Significant)
                .Select(p => KeyValuePair.Create(
                    p.SnakeName,
                    p.IsTask ? TaskGraph.SerializeTaskParameter(task, p) : LuigiSerializer.Serialize(p.GetValue(task), p.Type)))
                .ToList();
            var outputs = task.AdditionalOutputTargets.Values.Prepend(task.OutputTarget)
                .Select(t => new TaskOutputInfo(session.Store.Describe(t.Path), Size(sizes, t.Path)))
                .ToList();
            var time = await TreeRenderer.ReadJsonAsync(session, TargetPaths.LogPath("processing_time", node.Name, node.Id, "json"), cancellationToken).ConfigureAwait(false);
            double? seconds = time is { } timing && timing.TryGetProperty("processing_time", out var value) && value.TryGetDouble(out var s) ? s : null;
            var log = await TreeRenderer.ReadJsonAsync(session, TargetPaths.LogPath("task_log", node.Name, node.Id, "json"), cancellationToken).ConfigureAwait(false);
            rows.Add(new TaskInfo(
                node.Name,
                node.Id,
                parameters,
                await planner.IsCompleteAsync(node, cancellationToken).ConfigureAwait(false),
                seconds,
                outputs,
                [.. node.Dependencies.Select(d => d.Id)],
                Messages(log)));
        }

        return rows;
    }

    private static List<TaskNode> PreOrder(TaskNode root)
    {
        var order = new List<TaskNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<TaskNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node.Id))
            {
                continue;
            }

            order.Add(node);
            for (var i = node.Dependencies.Length - 1; i >= 0; i--)
            {
                stack.Push(node.Dependencies[i]);
            }
        }

        return order;
    }

    // One listing of the workspace instead of one per output: a local store walks the whole tree per call.
    private static async Task<Dictionary<string, long>> SizesAsync(BuildSession session, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var entry in session.Store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            sizes[entry.Path] = entry.Size;
        }

        return sizes;
    }

    private static long? Size(Dictionary<string, long> sizes, string path)
    {
        if (sizes.TryGetValue(path, out var size))
        {
            return size;
        }

        // A directory target: the sum of the files under it.
        var prefix = path.TrimEnd('/') + "/";
        long total = 0;
        var any = false;
        foreach (var (p, s) in sizes)
        {
            if (p.StartsWith(prefix, StringComparison.Ordinal))
            {
                total += s;
                any = true;
            }
        }

        return any ? total : null;
    }

    private static List<string> Messages(JsonElement? log) =>
        log is { } l && l.TryGetProperty("task_log", out var entries) && entries.ValueKind == JsonValueKind.Array
            ? [.. entries.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty)]
            : [];
}
