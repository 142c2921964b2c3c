namespace GoKart;

/// <summary>A task a build would run, as listed by <see cref="Kart.DryRun"/>.</summary>
/// <param name="TaskName">The task's class name.</param>
/// <param name="UniqueId">The task's unique id.</param>
/// <param name="Description">luigi's repr of the task: <c>Name(param=value, ...)</c>.</param>
/// <param name="Output">Where its main output would be written.</param>
/// <param name="MissingExternalData">
/// True for an <see cref="ExternalTask{T}"/> whose data is missing: the build would fail there with
/// <see cref="MissingExternalDataException"/> instead of running it.
/// </param>
public sealed record PlannedTask(string TaskName, string UniqueId, string Description, string Output, bool MissingExternalData)
{
    /// <summary><c>Name[id]</c>.</summary>
    public string Label => $"{TaskName}[{UniqueId}]";
}
