namespace GoKart.Ui.Live;

/// <summary>A task of a build as its journal tells it.</summary>
/// <param name="Task">The class name.</param>
/// <param name="Type">The full type name.</param>
/// <param name="Id">The unique id.</param>
/// <param name="Requires">Indexes of its requirements in the plan.</param>
/// <param name="State">pending, running, done, failed, or complete (complete before the build).</param>
/// <param name="Seconds">How long it ran, once done.</param>
/// <param name="Error">The first line of the failure.</param>
internal sealed record BuildTask(string Task, string Type, string Id, IReadOnlyList<int> Requires, string State, double? Seconds, string? Error);
