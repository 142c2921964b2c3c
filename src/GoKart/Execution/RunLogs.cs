using GoKart.Hashing;
using GoKart.Logging;
using GoKart.Storage;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>
/// Writes the five log files of a task that ran: module_versions, processing_time, random_seed, task_log, task_params.
/// task_log carries gokart's keys plus what the workspace index reads: the full type name, the direct requirements
/// and the outputs' workspace-relative paths.
/// </summary>
internal static class RunLogs
{
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
    public static async ValueTask WriteAsync(
        BuildSession session,
        TaskNode node,
        long seed,
        IReadOnlyList<TaskLogEntry> entries,
        DateTimeOffset started,
        DateTimeOffset finished,
        TimeSpan elapsed,
        CancellationToken cancellationToken)
    {
        var name = node.Name;
        var id = node.Id;
        var store = session.Store;

        var scratch = session.LogWriter.Scratch;
        await store.WriteSmallAsync(TargetPaths.LogPath("module_versions", name, id, "txt"), session.ModuleVersionsUtf8, cancellationToken).ConfigureAwait(false);
        await WriteJsonAsync(store, scratch, TargetPaths.LogPath("processing_time", name, id, "json"), w =>
        {
            w.WriteSeconds("processing_time", elapsed);
            w.WriteString("start", IsoTime.Format(started));
            w.WriteString("end", IsoTime.Format(finished));
        }, cancellationToken).ConfigureAwait(false);
        await WriteJsonAsync(store, scratch, TargetPaths.LogPath("random_seed", name, id, "json"), w => w.WriteNumber("random_seed", seed), cancellationToken)
            .ConfigureAwait(false);
        await WriteJsonAsync(store, scratch, TargetPaths.LogPath("task_log", name, id, "json"), w => WriteTaskLog(w, session, node, entries), cancellationToken)
            .ConfigureAwait(false);
        await WriteJsonAsync(store, scratch, TargetPaths.LogPath("task_params", name, id, "json"), w => WriteParameters(w, node.Task), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Every parameter (significant or not) as luigi serializes it; task parameters as unique ids.</summary>
    public static void WriteParameters(JsonScratch writer, TaskOnKart task)
    {
        foreach (var parameter in task.Descriptor.Parameters)
        {
            var text = parameter.IsTask
                ? TaskGraph.SerializeTaskParameter(task, parameter)
                : LuigiSerializer.Serialize(parameter.GetValue(task), parameter.Type);
            writer.WriteString(parameter.SnakeName, text);
        }
    }

    private static void WriteTaskLog(JsonScratch writer, BuildSession session, TaskNode node, IReadOnlyList<TaskLogEntry> entries)
    {
        writer.WriteString("task", node.Name);
        writer.WriteString("unique_id", node.Id);
        writer.WriteString("type", node.Task.Descriptor.Type.FullName);
        WriteRequires(writer, node);
        writer.WriteNumber("attempts", node.Attempts);
        writer.WriteStartArray("task_log");
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("time", IsoTime.Format(entry.Time));
            writer.WriteString("level", entry.Level.ToString());
            writer.WriteString("message", entry.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("outputs");
        writer.WriteString("output", session.Store.Describe(node.Task.OutputTarget.Path));
        foreach (var (outputName, target) in node.Task.AdditionalOutputTargets)
        {
            writer.WriteString(outputName, session.Store.Describe(target.Path));
        }

        writer.WriteEndObject();
        writer.WriteStartObject("output_paths");
        writer.WriteString("output", node.Task.OutputTarget.Path);
        foreach (var (outputName, target) in node.Task.AdditionalOutputTargets)
        {
            writer.WriteString(outputName, target.Path);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The direct requirements in Requires() order (class, unique id, and the name of a named one), so that a
    /// workspace alone describes its graph; <see cref="TaskNode.Dependencies"/> is that order, flattened.
    /// </summary>
    private static void WriteRequires(JsonScratch writer, TaskNode node)
    {
        writer.WriteStartArray("requires");
        var names = node.Requires.IsNamed
            ? node.Requires.Entries.SelectMany(e => Enumerable.Repeat(e.Name, e.Single is null ? e.List!.Count : 1))
            : Enumerable.Repeat<string?>(null, node.Dependencies.Length);
        foreach (var (dependency, requirementName) in node.Dependencies.Zip(names))
        {
            writer.WriteStartObject();
            writer.WriteString("task", dependency.Name);
            writer.WriteString("unique_id", dependency.Id);
            writer.WriteString("type", dependency.Task.Descriptor.Type.FullName);
            if (requirementName is not null)
            {
                writer.WriteString("name", requirementName);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static ValueTask WriteJsonAsync(IWorkspaceStore store, JsonScratch scratch, string path, Action<JsonScratch> body, CancellationToken cancellationToken)
    {
        body(scratch.Start());
        return store.WriteSmallAsync(path, scratch.Finish(), cancellationToken);
    }
}
