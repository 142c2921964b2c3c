using GoKart.Viewer;

namespace GoKart.Ui.Endpoints;

/// <summary>The JSON shapes of runs (plain data; the page turns every field into text nodes).</summary>
internal static class RunJson
{
    public static object Row(TaskRun run) => new
    {
        id = run.Id,
        task = run.TaskName,
        type = run.TypeName,
        @namespace = run.Namespace,
        parameters = run.Parameters.Select(p => new[] { p.Key, p.Value }),
        start = run.Start,
        end = run.End,
        seconds = run.ProcessingTime?.TotalSeconds,
        size = run.Size,
        outputsPresent = run.OutputsPresent,
    };

    public static object Output(RunOutput output) => new
    {
        name = output.Name,
        location = output.Location,
        path = output.Path,
        size = output.Size,
        exists = output.Exists,
        image = output.Path is { } p && FileEndpoints.IsImage(p),
    };

    public static string State(TaskRun? run) => run switch
    {
        null => "unknown",
        { OutputsPresent: true } => "complete",
        _ => "missing",
    };
}
