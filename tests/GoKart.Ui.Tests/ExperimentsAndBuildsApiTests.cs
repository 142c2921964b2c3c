using System.Net;

namespace GoKart.Ui.Tests;

[Collection(UiCollection.Name)]
public sealed class ExperimentsAndBuildsApiTests(UiWorkspace ws)
{
    [Fact]
    public async Task Experiments_ListsTheCatalogue_WithVaryingArgsAndSummaryKeys()
    {
        var data = await Http.JsonAsync(ws, "/api/experiments");
        var list = data.GetProperty("experiments").EnumerateArray().ToList();
        Assert.Equal(ws.ExperimentValues.Keys.Order(StringComparer.Ordinal), list.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(["lr"], data.GetProperty("varying").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["loss"], data.GetProperty("summaryKeys").EnumerateArray().Select(v => v.GetString()));
        foreach (var e in list)
        {
            var (lr, loss, steps) = ws.ExperimentValues[e.GetProperty("id").GetString()!];
            Assert.Equal(lr, e.GetProperty("args").GetProperty("lr").GetDouble());
            Assert.Equal(loss, e.GetProperty("summary").GetProperty("loss").GetDouble());
            Assert.Equal(steps > 0, e.GetProperty("metrics").GetBoolean());
        }
    }

    [Fact]
    public async Task Metrics_AreTheCurvesOfMetricsJsonl()
    {
        var data = await Http.JsonAsync(ws, "/api/experiments/2/metrics");
        var loss = data.GetProperty("series").GetProperty("loss").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
        Assert.Equal(Enumerable.Range(1, 4).Select(s => ((double)s, 1.0 / s)), loss);
        Assert.Equal(["acc", "loss"], data.GetProperty("series").EnumerateObject().Select(p => p.Name));
        var none = await Http.JsonAsync(ws, "/api/experiments/3/metrics");
        Assert.Empty(none.GetProperty("series").EnumerateObject());
    }

    [Fact]
    public async Task Builds_NewestFirst_WithStatusAndCounts()
    {
        var data = await Http.JsonAsync(ws, "/api/builds");
        var builds = data.GetProperty("builds").EnumerateArray().ToList();
        Assert.Equal([UiWorkspace.RunningBuild, UiWorkspace.FinishedBuild], builds.Select(b => b.GetProperty("id").GetString()));
        Assert.Equal("failed", builds[1].GetProperty("status").GetString());
        Assert.Equal(1, builds[1].GetProperty("counts").GetProperty("failed").GetInt32());
        Assert.Equal(1, builds[1].GetProperty("counts").GetProperty("complete").GetInt32());
    }

    [Fact]
    public async Task Build_HasTheGraphWithStates_AndTheError()
    {
        var data = await Http.JsonAsync(ws, "/api/builds/" + UiWorkspace.FinishedBuild);
        var nodes = data.GetProperty("graph").GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("task").GetString()!, n => n.GetProperty("state").GetString());
        Assert.Equal("complete", nodes["A"]);
        Assert.Equal("failed", nodes["B"]);
        Assert.Equal("boom <i>html</i>", data.GetProperty("tasks")[1].GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("..%2Fbuilds%2F" + UiWorkspace.FinishedBuild)]
    [InlineData(".hidden")]
    public async Task Build_Unknown_Is404(string id) => Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(ws, "/api/builds/" + id)).Status);
}
