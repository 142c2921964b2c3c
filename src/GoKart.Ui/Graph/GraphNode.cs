namespace GoKart.Ui.Graph;

/// <summary>A task in a dependency graph before layout.</summary>
/// <param name="Key">Unique within the graph (a run's or a build task's unique id).</param>
/// <param name="TaskName">The class name: siblings of the same class collapse together.</param>
/// <param name="State">complete, missing, failed, pending, running, done, unknown.</param>
/// <param name="Requires">The keys of its direct requirements.</param>
internal sealed record GraphNode(string Key, string TaskName, string State, IReadOnlyList<string> Requires);
