using System.Text.Json.Nodes;
using GoKart.Experiments;
using GoKart.Ui.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoKart.Ui.Endpoints;

/// <summary>The experiments API: the catalogue <c>gokart experiments</c> reads, and each experiment's metric curves.</summary>
internal static class ExperimentEndpoints
{
    public static void Map(IEndpointRouteBuilder app, UiContext ui)
    {
        string[] get = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/api/experiments", get, () =>
        {
            if (ui.ExperimentsDirectory is not { } dir)
            {
                return Results.Json(new { directory = (string?)null, experiments = Array.Empty<object>(), varying = Array.Empty<string>(), summaryKeys = Array.Empty<string>(), problems = Array.Empty<string>() });
            }

            var catalog = ExperimentCatalog.Load(dir);
            var list = catalog.Experiments;
            return Results.Json(new
            {
                directory = dir,
                experiments = list.Select(e => new
                {
                    id = e.Id,
                    status = e.Status,
                    statusMessage = e.StatusMessage,
                    description = e.Description,
                    sha = e.Sha,
                    start = e.StartTime,
                    end = e.EndTime,
                    args = e.Args,
                    defaultArgs = e.DefaultArgs,
                    summary = e.Summary,
                    metrics = File.Exists(Path.Combine(e.Directory, MetricSeries.FileName)),
                }),
                varying = Varying(list.Select(e => e.Args)),
                summaryKeys = list.SelectMany(e => e.Summary.Select(p => p.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
                problems = catalog.Problems,
            });
        });
        app.MapMethods("/api/experiments/{id}/metrics", get, async (string id, CancellationToken ct) =>
        {
            if (ui.ExperimentsDirectory is not { } dir || SafePaths.Under(dir, id) is not { } folder || !Directory.Exists(folder))
            {
                return ApiErrors.NotFound($"No experiment '{id}'.");
            }

            var series = await MetricSeries.ReadAsync(folder, ct).ConfigureAwait(false);
            return Results.Json(new { id, series = series.ToDictionary(s => s.Key, s => s.Value.Select(p => new[] { p.Step, p.Value })) });
        });
    }

    /// <summary>The argument names whose values are not the same in every experiment (the table's argument columns).</summary>
    private static IEnumerable<string> Varying(IEnumerable<JsonObject> args)
    {
        var all = args.ToList();
        return all.SelectMany(a => a.Select(p => p.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(name => all.Select(a => a[name]?.ToJsonString() ?? "null").Distinct(StringComparer.Ordinal).Count() > 1);
    }
}
