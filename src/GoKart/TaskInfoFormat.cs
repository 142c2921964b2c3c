namespace GoKart;

/// <summary>The file forms of a task-info table; <see cref="Kart.DumpTaskInfoTableAsync"/> picks one by extension.</summary>
public enum TaskInfoFormat
{
    /// <summary><c>.csv</c>: one row per task; lists and dictionaries as JSON text in their cells.</summary>
    Csv,

    /// <summary><c>.json</c>: an array of objects with the same keys as the CSV header.</summary>
    Json,

    /// <summary><c>.md</c>: a Markdown table for reading (outputs with sizes, requirements by name).</summary>
    Markdown,

    /// <summary><c>.txt</c>: gokart's dependency tree with details (<c>make_task_info_as_tree_str(details=True)</c>).</summary>
    Tree,
}
