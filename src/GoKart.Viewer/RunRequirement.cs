namespace GoKart.Viewer;

/// <summary>A direct requirement recorded at build time.</summary>
/// <param name="TaskName">The required task's class name.</param>
/// <param name="Id">The required task's unique id.</param>
/// <param name="Name">The requirement's name when Requires() returned named tasks, else null.</param>
/// <param name="TypeName">The required task's full type name.</param>
public sealed record RunRequirement(string TaskName, string Id, string? Name, string? TypeName);
