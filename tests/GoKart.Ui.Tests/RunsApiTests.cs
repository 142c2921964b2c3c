using System.Globalization;
using System.Net;
using System.Text.Json;

namespace GoKart.Ui.Tests;

[Collection(UiCollection.Name)]
public sealed class RunsApiTests(UiWorkspace ws)
{
    private static string[] Ids(JsonElement page) => [.. page.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Runs_ListsEveryRunOfThePipeline()
    {
        var page = await Http.JsonAsync(ws, "/api/runs");
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(
            new[] { ws.Numbers.UniqueId, ws.Plain.UniqueId, ws.Html.UniqueId, ws.Compare.UniqueId }.Order(StringComparer.Ordinal),
            Ids(page).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("name=Fit", 2)]
    [InlineData("name=F*t", 2)]
    [InlineData("name=Comp", 1)]
    [InlineData("param=lr%3D0.2", 1)]
    [InlineData("param=epochs%3E5", 1)]
    [InlineData("param=epochs%3E%3D5&param=lr%3C0.15", 1)]
    [InlineData("until=2000-01-01", 0)]
    [InlineData("since=2000-01-01", 4)]
    [InlineData("outputs=missing", 0)]
    public async Task Runs_Filters_Narrow(string query, int expected)
    {
        var page = await Http.JsonAsync(ws, "/api/runs?" + query);
        Assert.Equal(expected, page.GetProperty("total").GetInt32());
        Assert.Equal(4, page.GetProperty("all").GetInt32());
    }

    [Fact]
    public async Task Runs_PagesAndSorts_OnTheServer()
    {
        var all = Ids(await Http.JsonAsync(ws, "/api/runs?sort=id"));
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        var second = await Http.JsonAsync(ws, "/api/runs?sort=id&offset=1&limit=2");
        Assert.Equal(all[1..3], Ids(second));
        Assert.Equal(4, second.GetProperty("total").GetInt32());
        Assert.Equal(all.Reverse(), Ids(await Http.JsonAsync(ws, "/api/runs?sort=id&desc=1")));
    }

    [Theory]
    [InlineData("param=lr")]
    [InlineData("since=yesterday-ish")]
    public async Task Runs_BadFilter_Is400NamingIt(string query)
    {
        var (status, type, body, _) = await Http.GetAsync(ws, "/api/runs?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/json", type);
        Assert.Contains(query.Split('=')[0] == "param" ? "'lr'" : "since", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ShowsParametersSeedRequirementsDependentsOutputsAndLog_WithHtmlAsPlainJsonText()
    {
        var (status, _, body, _) = await Http.GetAsync(ws, "/api/runs/" + ws.Html.UniqueId);
        Assert.Equal(HttpStatusCode.OK, status);
        // The JSON itself never carries a raw tag: System.Text.Json escapes '<' and '>'.
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", body, StringComparison.Ordinal);
        var run = JsonDocument.Parse(body).RootElement;
        var parameters = run.GetProperty("run").GetProperty("parameters").EnumerateArray().ToDictionary(p => p[0].GetString()!, p => p[1].GetString());
        Assert.Equal(UiWorkspace.Script, parameters["note"]);
        Assert.Equal("0.2", parameters["lr"]);
        Assert.Contains(run.GetProperty("log").EnumerateArray(), l => l.GetProperty("message").GetString() == "fitting <b>bold</b> <img src=x onerror=alert(2)> for 10 epochs");
        Assert.Equal(ws.Numbers.UniqueId, run.GetProperty("requires")[0].GetProperty("id").GetString());
        Assert.Equal(ws.Compare.UniqueId, run.GetProperty("dependents")[0].GetProperty("id").GetString());
        Assert.True(long.TryParse(run.GetProperty("seed").GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _));
        Assert.True(run.GetProperty("outputs")[0].GetProperty("exists").GetBoolean());
        Assert.NotEmpty(run.GetProperty("modules").EnumerateArray());
    }

    [Fact]
    public async Task Run_ByPrefixOrName_AndUnknown404()
    {
        Assert.Equal(ws.Compare.UniqueId, (await Http.JsonAsync(ws, "/api/runs/Compare")).GetProperty("run").GetProperty("id").GetString());
        Assert.Equal(ws.Numbers.UniqueId, (await Http.JsonAsync(ws, "/api/runs/" + ws.Numbers.UniqueId[..10])).GetProperty("run").GetProperty("id").GetString());
        foreach (var path in new[] { "/api/runs/NoSuchTask", "/api/runs/NoSuchTask/graph", "/api/runs/Compare/outputs/nope/preview" })
        {
            var (status, type, _, _) = await Http.GetAsync(ws, path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("application/json", type);
        }
    }

    [Fact]
    public async Task Preview_OfACsv_ShowsTheFirst100RowsWithColumnTypes()
    {
        var preview = await Http.JsonAsync(ws, $"/api/runs/{ws.Numbers.UniqueId}/outputs/output/preview");
        Assert.Equal("text", preview.GetProperty("kind").GetString());
        var lines = preview.GetProperty("text").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("(int64)", lines[1], StringComparison.Ordinal);
        Assert.Contains("(str)", lines[1], StringComparison.Ordinal);
        var rows = lines.Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(100, rows.Count);
        Assert.Equal(["1", "1", "r1"], rows[0]);
        Assert.Equal(["100", "10000", "r100"], rows[99]);
    }

    [Fact]
    public async Task Graph_HasOneNodePerTaskAndAnEdgePerRequirement_LeftToRight()
    {
        var graph = await Http.JsonAsync(ws, $"/api/runs/{ws.Compare.UniqueId}/graph");
        var nodes = graph.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("key").GetString()!, n => n);
        Assert.Equal(new[] { ws.Numbers.UniqueId, ws.Plain.UniqueId, ws.Html.UniqueId, ws.Compare.UniqueId }.Order(StringComparer.Ordinal), nodes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4, graph.GetProperty("edges").GetArrayLength());
        Assert.All(nodes.Values, n => Assert.Equal("complete", n.GetProperty("state").GetString()));
        double X(string id) => nodes[id].GetProperty("x").GetDouble();
        Assert.True(X(ws.Numbers.UniqueId) < X(ws.Plain.UniqueId) && X(ws.Plain.UniqueId) < X(ws.Compare.UniqueId));
    }
}
