using GoKart.Execution;

namespace GoKart;

/// <summary>gokart's task-info table (<c>make_task_info_as_table</c>, <c>dump_task_info_table</c>).</summary>
public static partial class Kart
{
    /// <summary>
    /// Every task in the graph of <paramref name="task"/>, once each (a task before its requirements), with its
    /// parameters, status, processing time, outputs with sizes and requirements, read from the workspace of
    /// <paramref name="options"/>; nothing is run.
    /// </summary>
    /// <example>
    /// <code>
    /// foreach (var row in Kart.TaskInfoTable(new Report(), new BuildOptions { Workspace = "out" }))
    ///     Console.WriteLine($"{row.Name} {row.IsComplete} {row.ProcessingTimeSeconds}");
    /// </code>
    /// </example>
    public static IReadOnlyList<TaskInfo> TaskInfoTable(TaskOnKart task, BuildOptions? options = null) =>
        TaskInfoTableAsync(task, options, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="TaskInfoTable"/>.</summary>
    public static async Task<IReadOnlyList<TaskInfo>> TaskInfoTableAsync(TaskOnKart task, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var session = new BuildSession(options ?? new BuildOptions());
        var graph = TaskGraph.Build(task, session.Options.PrepareTask);
        return await TaskInfoCollector.CollectAsync(session, graph, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A task-info table as CSV, JSON or Markdown text (<see cref="TaskInfoFormat.Tree"/> needs the task: use <see cref="TreeInfo"/>).</summary>
    public static string FormatTaskInfoTable(IReadOnlyList<TaskInfo> rows, TaskInfoFormat format)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return TaskInfoTableWriter.Format(rows, format);
    }

    /// <summary>
    /// Writes the task-info table of <paramref name="task"/> to the local file <paramref name="path"/>, in the form
    /// its extension names: <c>.csv</c>, <c>.json</c>, <c>.md</c>, or <c>.txt</c> for the detailed tree. Unlike gokart's
    /// <c>dump_task_info_table</c>, the file name is used as given (no unique id is inserted).
    /// </summary>
    /// <exception cref="ArgumentException">The extension is none of those.</exception>
    public static async Task DumpTaskInfoTableAsync(TaskOnKart task, string path, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var format = TaskInfoFormatOf(path);
        var text = format == TaskInfoFormat.Tree
            ? await TreeInfoAsync(task, options, details: true, cancellationToken).ConfigureAwait(false) + "\n"
            : TaskInfoTableWriter.Format(await TaskInfoTableAsync(task, options, cancellationToken).ConfigureAwait(false), format);
        await WriteFileAtomicallyAsync(path, text, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task WriteFileAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await File.WriteAllTextAsync(temporary, text, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The table form a file name asks for, by extension.</summary>
    /// <exception cref="ArgumentException">The extension is not .csv, .json, .md/.markdown or .txt.</exception>
    public static TaskInfoFormat TaskInfoFormatOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".CSV" => TaskInfoFormat.Csv,
        ".JSON" => TaskInfoFormat.Json,
        ".MD" or ".MARKDOWN" => TaskInfoFormat.Markdown,
        ".TXT" => TaskInfoFormat.Tree,
        _ => throw new ArgumentException($"task info file '{path}': unknown extension; use .csv, .json, .md or .txt (the tree).", nameof(path)),
    };
}
