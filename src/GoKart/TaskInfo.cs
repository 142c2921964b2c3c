namespace GoKart;

/// <summary>
/// One row of gokart's task-info table (<c>make_task_info_as_table</c>): a task of a pipeline with its
/// parameters, status, processing time from the logs, outputs and requirements.
/// </summary>
/// <param name="Name">The class name (gokart's task family).</param>
/// <param name="UniqueId">The unique id, as in the output file names.</param>
/// <param name="Parameters">Significant parameters, luigi-serialised, by snake_case name in declaration order.</param>
/// <param name="IsComplete">Whether the outputs exist (gokart's COMPLETE/PENDING).</param>
/// <param name="ProcessingTimeSeconds">From <c>log/processing_time</c>; null when the task has not run in this workspace.</param>
/// <param name="Outputs">The main output first, then named outputs, each with its size when it exists.</param>
/// <param name="Requires">Unique ids of the direct requirements, in the order of <c>Requires()</c>.</param>
/// <param name="TaskLog">Messages the task logged in its last run (from <c>log/task_log</c>).</param>
public sealed record TaskInfo(
    string Name,
    string UniqueId,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    bool IsComplete,
    double? ProcessingTimeSeconds,
    IReadOnlyList<TaskOutputInfo> Outputs,
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> TaskLog);

/// <summary>An output of a <see cref="TaskInfo"/>: where it is and how many bytes it holds (all files of a directory target).</summary>
/// <param name="Path">The location as the workspace store describes it (a local path or an <c>s3://</c> URI).</param>
/// <param name="Size">Bytes, or null when the output does not exist.</param>
public sealed record TaskOutputInfo(string Path, long? Size);
