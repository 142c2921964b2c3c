using System.Text;
using GoKart.Formats;

namespace GoKart;

/// <summary>
/// Where one output of a task lives in the workspace, and how it is stored. Made by
/// <see cref="TaskOnKart.MakeTarget(string, bool)"/>; the extension of <see cref="Path"/> picks the format.
/// </summary>
/// <param name="Path">Relative path in the workspace, with the unique id already inserted.</param>
public sealed record Target(string Path)
{
    /// <summary>A format to use instead of the one the extension picks.</summary>
    public IFormat? Format { get; init; }

    /// <summary>Text encoding for text-based formats (UTF-8 when null), e.g. Shift_JIS.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Format-specific options (for instance CSV options); formats document what they accept.</summary>
    public object? FormatOptions { get; init; }

    /// <summary>The format of this target in <paramref name="registry"/>.</summary>
    public IFormat ResolveFormat(FormatRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return Format ?? registry.Resolve(Path);
    }
}
