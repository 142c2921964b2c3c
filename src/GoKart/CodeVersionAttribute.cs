namespace GoKart;

/// <summary>
/// Opts a task into gokart's most requested fix: rerun when its code changes. The version text and/or a
/// fingerprint of the task's own IL are folded into its unique id, so a new version writes a new output
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

    /// <summary>Fold a fingerprint of the IL of the task's methods (names resolved, not raw tokens) into the id.</summary>
    public bool TrackCode { get; init; }
}
