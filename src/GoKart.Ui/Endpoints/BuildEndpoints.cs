using GoKart.Ui.Graph;
using GoKart.Ui.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoKart.Ui.Endpoints;

/// <summary>The live builds API: the builds in the workspace's journal folder, and one build's graph with live states.</summary>
internal static class BuildEndpoints
{
    private const int Listed = 50;

    public static void Map(IEndpointRouteBuilder app, UiContext ui)
    {
        string[] get = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/api/builds", get, async (CancellationToken ct) =>
        {
            var ids = await ui.Builds.ListAsync(ct).ConfigureAwait(false);
            var builds = new List<object>();
            foreach (var id in ids.Take(Listed))
            {
                if (await ui.Builds.ReadAsync(id, ct).ConfigureAwait(false) is { } build)
                {
                    builds.Add(new { id, started = build.Started, ended = build.Ended, status = build.Status, host = build.Host, total = build.Tasks.Count, counts = build.Counts });
                }
            }

            return Results.Json(new { total = ids.Count, builds });
        });
        app.MapMethods("/api/builds/{id}", get, async (string id, CancellationToken ct) =>
        {
            if (await ui.Builds.ReadAsync(id, ct).ConfigureAwait(false) is not { } build)
            {
                return ApiErrors.NotFound($"No build '{id}'.");
            }

            var nodes = build.Tasks.Select((t, i) => new GraphNode(Key(i), t.Task, t.State, [.. t.Requires.Where(r => r >= 0 && r < build.Tasks.Count).Select(Key)])).ToList();
            var layout = GraphLayout.Layout(nodes, build.Tasks.Count > 0 ? [Key(Math.Clamp(build.Root, 0, build.Tasks.Count - 1))] : []);
            return Results.Json(new
            {
                id,
                started = build.Started,
                ended = build.Ended,
                lastEvent = build.LastEvent,
                status = build.Status,
                host = build.Host,
                pid = build.Pid,
                workers = build.Workers,
                counts = build.Counts,
                total = build.Tasks.Count,
                eta = build.EtaSeconds,
                tasks = build.Tasks.Select((t, i) => new { n = i, task = t.Task, type = t.Type, id = t.Id, state = t.State, seconds = t.Seconds, error = t.Error }),
                graph = GraphJson.Of(layout, k => int.TryParse(k.AsSpan(1), out var n) ? build.Tasks[n].Id : null),
            });
        });
    }

    private static string Key(int index) => "n" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
