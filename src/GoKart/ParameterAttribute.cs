namespace GoKart;

/// <summary>Describes a task parameter (a public instance property with a setter or <c>init</c>).</summary>
/// <example>
/// <code>
/// [Parameter(Description = "Learning rate of the optimiser")]
/// public double LearningRate { get; init; } = 0.01;
///
/// [Parameter(Significant = false)]
/// public int LogEvery { get; init; } = 100;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>Whether the value takes part in the unique id (and so in the output file name). Default true.</summary>
    public bool Significant { get; init; } = true;

    /// <summary>Shown by <c>--help</c>.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// For <see cref="DateOnly"/> and <see cref="DateTime"/> parameters: which luigi date parameter the value stands
    /// for (<see cref="DateGranularity.Month"/> is luigi's MonthParameter, and so on). Default: the type's own form.
    /// </summary>
    public DateGranularity Granularity { get; init; }
}
