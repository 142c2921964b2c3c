namespace GoKart.Viewer;

/// <summary>A page of a listing.</summary>
/// <param name="Total">How many runs matched the query (all pages).</param>
/// <param name="Offset">The position of the first run of this page among them.</param>
/// <param name="Runs">The runs of this page.</param>
public sealed record RunPage(int Total, int Offset, IReadOnlyList<TaskRun> Runs);
