namespace GoKart.Viewer;

/// <summary>How a parameter differs between two runs.</summary>
public enum ParameterChangeKind
{
    /// <summary>Both runs have it, with different values.</summary>
    Changed,

    /// <summary>Only the second run has it.</summary>
    Added,

    /// <summary>Only the first run has it.</summary>
    Removed,
}

/// <summary>One line of a parameter diff.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="Kind">Changed, added or removed.</param>
/// <param name="Before">The first run's value.</param>
/// <param name="After">The second run's value.</param>
public sealed record ParameterChange(string Name, ParameterChangeKind Kind, string? Before, string? After);
