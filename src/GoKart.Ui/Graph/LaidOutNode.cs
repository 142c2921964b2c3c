namespace GoKart.Ui.Graph;

/// <summary>A drawn node: one task, or a collapsed group of same-class siblings (<see cref="Count"/> &gt; 1).</summary>
/// <param name="Key">The task's key, or <c>group:…</c> for a collapsed group.</param>
/// <param name="TaskName">The class name.</param>
/// <param name="State">The task's state; for a group the most telling of its members' (failed, running, missing, pending, then done/complete).</param>
/// <param name="Count">How many tasks the node stands for.</param>
/// <param name="Members">The keys of the tasks of a group (empty for a single task).</param>
/// <param name="Layer">The column: 0 for tasks that require nothing (at the left), the root in the last.</param>
/// <param name="X">Left edge in layout units.</param>
/// <param name="Y">Top edge in layout units.</param>
internal sealed record LaidOutNode(string Key, string TaskName, string State, int Count, IReadOnlyList<string> Members, int Layer, double X, double Y);
