namespace GoKart;

/// <summary>
/// Opts a task into gokart's most requested fix: rerun when its code changes. The version text and/or a
/// hash of the task class's source are folded into its unique id, so a new version writes a new output
/// and everything downstream reruns.
/// </summary>
/// <example>
/// <code>
/// [CodeVersion("2")]                      // bump by hand
/// [CodeVersion(TrackCode = true)]         // or: any edit of the class's methods changes the id
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class CodeVersionAttribute : Attribute
{
    /// <summary>Creates the attribute with an optional explicit version.</summary>
    public CodeVersionAttribute(string? version = null) => Version = version;

    /// <summary>An explicit version, changed by hand when the output should be recomputed.</summary>
    public string? Version { get; }

    /// <summary>
    /// Fold a hash of the task class's source into the id: every token of its declarations (all partial parts,
    /// nested types, lambdas), recorded at compile time by the source generator in the GoKart package, so Debug
    /// and Release builds agree; whitespace and comments do not count. See docs/tasks.md for what it covers.
    /// </summary>
    public bool TrackCode { get; init; }
}
