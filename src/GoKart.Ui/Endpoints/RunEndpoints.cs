using System.Globalization;
using System.Text.Json;
using GoKart.Ui.Graph;
using GoKart.Ui.Live;
using GoKart.Viewer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoKart.Ui.Endpoints;

/// <summary>The runs API: the filtered, sorted, paged table; one run; its dependency graph; an output's preview.</summary>
internal static class RunEndpoints
{
    private const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder app, UiContext ui)
    {
        string[] get = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/api/runs", get, (HttpRequest request, CancellationToken ct) => ListAsync(ui, request, ct));
        app.MapMethods("/api/runs/{id}", get, (string id, CancellationToken ct) => ShowAsync(ui, id, ct));
        app.MapMethods("/api/runs/{id}/graph", get, async (string id, int? threshold, CancellationToken ct) =>
        {
            var runs = await ui.Runs.GetAsync(ct).ConfigureAwait(false);
            if (Find(runs, id) is not { } run)
            {
                return ApiErrors.NotFound($"No run '{id}'.");
            }

            var failed = await KnownFailures.ReadAsync(ui.Builds, ct).ConfigureAwait(false);
            var nodes = RunGraph.Nodes(runs, run).Select(n => n with { State = KnownFailures.StateOf(n.Key, n.State, failed) }).ToList();
            return Results.Json(GraphJson.Of(GraphLayout.Layout(nodes, [run.Id], threshold ?? GraphLayout.DefaultThreshold), k => runs[k]?.Id));
        });
        app.MapMethods("/api/runs/{id}/outputs/{name}/preview", get, (string id, string name, CancellationToken ct) => PreviewAsync(ui, id, name, ct));
    }

    internal static TaskRun? Find(WorkspaceRuns runs, string id)
    {
        try
        {
            return runs[id] ?? runs.Resolve(id);
        }
        catch (Exception e) when (e is RunLookupException or ArgumentException)
        {
            return null;
        }
    }

    private static async Task<IResult> ListAsync(UiContext ui, HttpRequest request, CancellationToken ct)
    {
        var q = request.Query;
        RunQuery query;
        try
        {
            query = new RunQuery
            {
                Name = q["name"].ToString() is { Length: > 0 } name ? name : null,
                Parameters = [.. q["param"].Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => ParameterCondition.Parse(p!))],
                Since = Time(q["since"], "since"),
                Until = Time(q["until"], "until"),
                Outputs = q["outputs"].ToString() switch { "present" => OutputState.Present, "missing" => OutputState.Missing, _ => OutputState.Any },
                Sort = q["sort"].ToString() switch
                {
                    "start" => RunSort.Start, "task" or "name" => RunSort.Name, "duration" => RunSort.Duration, "size" => RunSort.Size, "id" => RunSort.Id, _ => RunSort.End,
                },
                Descending = q["desc"].ToString() is "1" or "true",
                Offset = Number(q["offset"], 0),
                Limit = Math.Clamp(Number(q["limit"], 50), 1, MaxLimit),
            };
        }
        catch (FormatException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }

        var runs = await ui.Runs.GetAsync(ct).ConfigureAwait(false);
        var page = runs.Query(query);
        return Results.Json(new { total = page.Total, all = runs.Runs.Count, offset = page.Offset, problems = runs.Problems.Count, runs = page.Runs.Select(RunJson.Row) });
    }

    private static async Task<IResult> ShowAsync(UiContext ui, string id, CancellationToken ct)
    {
        var runs = await ui.Runs.GetAsync(ct).ConfigureAwait(false);
        if (Find(runs, id) is not { } run)
        {
            return ApiErrors.NotFound($"No run '{id}'.");
        }

        var index = ui.Runs.Index;
        var log = await index.ReadTaskLogAsync(run, ct).ConfigureAwait(false);
        var modules = await index.ReadModuleVersionsAsync(run, ct).ConfigureAwait(false);
        return Results.Json(new
        {
            run = RunJson.Row(run),
            seed = run.RandomSeed?.ToString(CultureInfo.InvariantCulture),
            outputs = run.Outputs.Select(RunJson.Output),
            requiresRecorded = run.Requires is not null,
            requires = runs.Requirements(run).Select(p => new { name = p.Requirement.Name, task = p.Requirement.TaskName, id = p.Requirement.Id, found = p.Run is not null, state = RunJson.State(p.Run) }),
            dependents = runs.Dependents(run).Select(d => new { task = d.TaskName, id = d.Id, state = RunJson.State(d) }),
            log = log.Select(l => new { time = l.Time, level = l.Level, message = l.Message }),
            modules,
        });
    }

    private static async Task<IResult> PreviewAsync(UiContext ui, string id, string name, CancellationToken ct)
    {
        var runs = await ui.Runs.GetAsync(ct).ConfigureAwait(false);
        var output = Find(runs, id) is { } run ? run.Outputs.FirstOrDefault(o => o.Name == name) : null;
        if (output is not { Exists: true, Path: { } path } || !SafePaths.IsInside(ui.Runs.Index.Store, path))
        {
            return ApiErrors.NotFound($"No output '{name}' of run '{id}' in this workspace.");
        }

        if (FileEndpoints.IsImage(path))
        {
            return Results.Json(new { kind = "image", path });
        }

        try
        {
            var text = await ui.Runs.Index.PreviewAsync(Find(runs, id)!, name, topK: 100, ct).ConfigureAwait(false);
            return Results.Json(new { kind = "text", path, text });
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or FormatException or NotSupportedException or InvalidOperationException)
        {
            return Results.Json(new { kind = "error", path, text = $"Cannot preview {path}: {e.Message}" });
        }
    }

    private static DateTimeOffset? Time(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"'{name}' is not a date or time: '{text}' (ISO 8601, e.g. 2026-12-02 or 2026-12-02T16:30).");
    }

    private static int Number(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
