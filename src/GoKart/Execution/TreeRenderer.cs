using System.Text;
using System.Text.Json;
using GoKart.Hashing;

namespace GoKart.Execution;

/// <summary>gokart's tree info text (<c>make_task_info_as_tree_str</c>), without recursion so deep chains are fine.</summary>
internal static class TreeRenderer
{
    public static async Task<string> RenderAsync(BuildSession session, TaskGraph graph, bool details, CancellationToken cancellationToken)
    {
        var planner = new BuildPlanner(session);
        var lines = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(TaskNode Node, string Indent, bool Last)>();
        stack.Push((graph.Root, string.Empty, true));
        while (stack.Count > 0)
        {
            var (node, indent, last) = stack.Pop();
            var childIndent = indent + (last ? "   " : "|  ");
            var complete = await planner.IsCompleteAsync(node, cancellationToken).ConfigureAwait(false);
            var line = $"{indent}{(last ? "└─-" : "|--")}({(complete ? "COMPLETE" : "PENDING")}) {node.Label}";
            if (!visited.Add(node.Label))
            {
                lines.Add(line);
                lines.Add(childIndent + "└─- ...");
                continue;
            }

            if (details)
            {
                line += await DetailsAsync(session, node, cancellationToken).ConfigureAwait(false);
            }

            lines.Add(line);
            for (var i = node.Dependencies.Length - 1; i >= 0; i--)
            {
                stack.Push((node.Dependencies[i], childIndent, i == node.Dependencies.Length - 1));
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary><c>(parameter={...}, output=[...], time=0.5s, task_log={...})</c> as gokart prints it.</summary>
    private static async Task<string> DetailsAsync(BuildSession session, TaskNode node, CancellationToken cancellationToken)
    {
        var task = node.Task;
        var sb = new StringBuilder("(parameter={");
        var first = true;
        foreach (var parameter in task.Descriptor.Parameters.Where(p => p.Significant))
        {
            sb.Append(first ? string.Empty : ", ");
            first = false;
            PythonRepr.AppendString(sb, parameter.SnakeName);
            sb.Append(": ");
            var value = parameter.IsTask ? TaskGraph.SerializeTaskParameter(task, parameter) : LuigiSerializer.Serialize(parameter.GetValue(task), parameter.Type);
            PythonRepr.AppendString(sb, value);
        }

        sb.Append("}, output=[");
        var outputs = task.AdditionalOutputTargets.Values.Prepend(task.OutputTarget).Select(t => session.Store.Describe(t.Path));
        AppendList(sb, outputs);
        sb.Append("], time=");
        var time = await ReadJsonAsync(session, TargetPaths.LogPath("processing_time", node.Name, node.Id, "json"), cancellationToken).ConfigureAwait(false);
        sb.Append(time is { } t && t.TryGetProperty("processing_time", out var seconds) && seconds.TryGetDouble(out var s)
            ? PythonRepr.Float(s) + "s"
            : "unknown");
        sb.Append(", task_log={");
        var log = await ReadJsonAsync(session, TargetPaths.LogPath("task_log", node.Name, node.Id, "json"), cancellationToken).ConfigureAwait(false);
        if (log is { } l && l.TryGetProperty("task_log", out var entries) && entries.ValueKind == JsonValueKind.Array && entries.GetArrayLength() > 0)
        {
            sb.Append("'messages': [");
            AppendList(sb, entries.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty));
            sb.Append(']');
        }

        return sb.Append("})").ToString();
    }

    private static void AppendList(StringBuilder sb, IEnumerable<string> items)
    {
        var first = true;
        foreach (var item in items)
        {
            sb.Append(first ? string.Empty : ", ");
            first = false;
            PythonRepr.AppendString(sb, item);
        }
    }

    internal static async Task<JsonElement?> ReadJsonAsync(BuildSession session, string path, CancellationToken cancellationToken)
    {
        if (!await session.Store.ExistsAsync(path, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            var stream = await session.Store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                return document.RootElement.Clone();
            }
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // A damaged log file only costs the detail, not the tree.
            return null;
        }
    }
}
