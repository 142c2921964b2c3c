using System.Globalization;
using OpenQA.Selenium;

namespace GoKart.Ui.Tests;

/// <summary>The page in a real (headless) chromium over the real pipeline's workspace.</summary>
[Collection(UiCollection.Name)]
public sealed class BrowserTests(UiWorkspace ws, Browser browser) : IClassFixture<Browser>
{
    private IReadOnlyList<IWebElement> Rows => browser.All("#runs-table tr.run-row");

    [Fact]
    public void RunsTable_ListsThePipelinesRuns_AndAFilterNarrowsIt()
    {
        browser.Open(ws, "/runs");
        browser.Until(_ => Rows.Count == 4, "4 rows");
        Assert.Equal(
            new[] { ws.Numbers.UniqueId, ws.Plain.UniqueId, ws.Html.UniqueId, ws.Compare.UniqueId }.Order(StringComparer.Ordinal),
            Rows.Select(r => r.GetAttribute("data-id")).Order(StringComparer.Ordinal));
        browser.Screenshot("ui-runs");

        browser.One("#f-name").SendKeys("Fit");
        browser.One("#f-apply").Click();
        browser.Until(_ => browser.One("#runs-count").Text.StartsWith("2 of 4", StringComparison.Ordinal) && Rows.Count == 2, "the name filter");
        Assert.All(Rows, r => Assert.Equal("Fit", r.FindElements(By.TagName("td"))[1].Text));

        browser.One("#f-param").SendKeys("epochs>5");
        browser.One("#f-apply").Click();
        browser.Until(_ => browser.One("#runs-count").Text.StartsWith("1 of 4", StringComparison.Ordinal) && Rows.Count == 1, "the parameter filter");
        Assert.Equal(ws.Html.UniqueId, Rows[0].GetAttribute("data-id"));
    }

    [Fact]
    public void ClickingARun_OpensIt_AndThePreviewShowsTheFirstRows()
    {
        browser.Open(ws, "/runs?name=Numbers");
        browser.Until(_ => Rows.Count == 1, "the Numbers run");
        browser.One("a.run-link").Click();
        var preview = browser.Until(d => d.FindElements(By.CssSelector("pre.preview-text")).FirstOrDefault(p => p.Text.Length > 0), "the preview")!;
        Assert.EndsWith("/run/" + ws.Numbers.UniqueId, browser.Driver.Url, StringComparison.Ordinal);
        var lines = preview.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var expected = Enumerable.Range(1, 100).Select(i => new[] { i.ToString(CultureInfo.InvariantCulture), ((long)i * i).ToString(CultureInfo.InvariantCulture), "r" + i.ToString(CultureInfo.InvariantCulture) }).ToList();
        Assert.Equal(expected, rows);
        Assert.Equal("Step (int64)  Square (int64)  Label (str)", lines[1]);
        browser.Screenshot("ui-run");
    }

    [Fact]
    public void Graph_HasOneNodePerTask_AndAClickOpensTheRun()
    {
        browser.Open(ws, "/graph/" + ws.Compare.UniqueId);
        browser.Until(_ => browser.All("svg#graph g.node").Count == 4, "4 nodes");
        Assert.Equal(
            new[] { ws.Numbers.UniqueId, ws.Plain.UniqueId, ws.Html.UniqueId, ws.Compare.UniqueId }.Order(StringComparer.Ordinal),
            browser.All("svg#graph g.node").Select(n => n.GetAttribute("data-key")).Order(StringComparer.Ordinal));
        Assert.Equal(4, browser.All("svg#graph path.edge").Count);
        browser.Screenshot("ui-graph");
        browser.One($"svg#graph g.node[data-key='{ws.Numbers.UniqueId}']").Click();
        browser.Until(d => d.Url.EndsWith("/run/" + ws.Numbers.UniqueId, StringComparison.Ordinal), "the run page");
        browser.Until(_ => browser.One("#run-title").Text.Contains(ws.Numbers.UniqueId, StringComparison.Ordinal), "the run's title");
    }

    [Fact]
    public void Experiments_DrawTheirPlots_WithOnePointPerValue_AndCompareHighlightsDifferences()
    {
        browser.Open(ws, "/experiments");
        browser.Until(_ => browser.All("#experiments-table tbody tr").Count == ws.ExperimentValues.Count, "the experiments table");
        browser.Until(_ => browser.All("#summary-plot circle.point").Count == ws.ExperimentValues.Count, "a point per experiment");
        var curvePoints = ws.ExperimentValues.Values.Sum(v => v.Steps);
        browser.Until(_ => browser.All("#metric-plot circle.point").Count == curvePoints, "a point per metric line");
        Assert.Equal(ws.ExperimentValues.Values.Count(v => v.Steps > 1), browser.All("#metric-plot polyline.line").Count);
        browser.Screenshot("ui-experiments");

        browser.One("input.pick[data-id='1']").Click();
        browser.One("input.pick[data-id='2']").Click();
        browser.One("#compare-button").Click();
        browser.Until(_ => browser.All("#compare-table tbody tr").Count > 0, "the comparison");
        var differing = browser.All("#compare-table tr.diff th").Select(t => t.Text).ToList();
        Assert.Contains("args.lr", differing);
        Assert.Contains("summary.loss", differing);
        Assert.DoesNotContain("args.epochs", differing);
        browser.One("#plot-button").Click();
        browser.Until(_ => browser.All("#summary-plot circle.point").Count == 2, "the plot of the two ticked");
    }

    [Fact]
    public void HtmlInAParameterALogLineAndAnExperiment_RendersAsText()
    {
        browser.Open(ws, "/run/" + ws.Html.UniqueId);
        var note = browser.Until(_ => browser.All("#run-params td.param-value").FirstOrDefault(td => td.Text == UiWorkspace.Script), "the note as text");
        Assert.NotNull(note);
        var log = browser.Until(_ => browser.All("#run-log td.log-message").FirstOrDefault(td => td.Text.Contains("<b>bold</b>", StringComparison.Ordinal)), "the log line as text")!;
        Assert.Equal("fitting <b>bold</b> <img src=x onerror=alert(2)> for 10 epochs", log.Text);
        Assert.Empty(browser.All("#main script, #main b, #main img:not(.preview-image)"));
        AssertNoAlert();

        browser.Open(ws, "/experiments");
        browser.Until(_ => browser.All("#experiments-table tbody tr").Count == ws.ExperimentValues.Count, "the experiments table");
        Assert.Contains(browser.All("#experiments-table td"), td => td.Text == "run 1 " + UiWorkspace.Script);
        Assert.Empty(browser.All("#main script"));
        AssertNoAlert();
    }

    [Fact]
    public void LivePage_FollowsAJournal_UntilTheBuildEnds()
    {
        browser.Open(ws, "/live");
        browser.Until(_ => browser.All("#builds-table a.build-link").Count == 2, "the builds list");
        Assert.Equal(UiWorkspace.RunningBuild, browser.All("#builds-table a.build-link")[0].Text);
        browser.All("#builds-table a.build-link")[0].Click();
        browser.Until(_ => browser.One("#build-status").Text == "running", "a running build");
        browser.Until(_ => browser.All("svg#graph g.node").Count == 3, "one node per task");
        Assert.Equal("running", browser.One("svg#graph g.node[data-key='n0']").GetAttribute("data-state"));
        Assert.Equal("complete", browser.One("svg#graph g.node[data-key='n1']").GetAttribute("data-state"));

        var journal = Path.Combine(ws.Workspace, ".gokart", "builds", UiWorkspace.RunningBuild + ".jsonl");
        File.AppendAllText(journal, JournalLines.Done(0, 2.0) + "\n" + JournalLines.Start(2) + "\n");
        browser.Until(_ => browser.One("svg#graph g.node[data-key='n2']").GetAttribute("data-state") == "running", "the second task running");
        Assert.Contains("ETA: 1.000s", browser.One("#build-eta").Text, StringComparison.Ordinal);
        browser.Screenshot("ui-live");
        File.AppendAllText(journal, JournalLines.Done(2, 1.0) + "\n" + JournalLines.End("succeeded") + "\n");
        browser.Until(_ => browser.One("#build-status").Text == "succeeded", "the build's end");
        Assert.Equal("done", browser.One("svg#graph g.node[data-key='n2']").GetAttribute("data-state"));
        Assert.StartsWith("pending 0 · running 0 · done 2 · failed 0 · complete 1", browser.One("#build-counts").Text, StringComparison.Ordinal);
    }

    private void AssertNoAlert() => Assert.Throws<NoAlertPresentException>(() => browser.Driver.SwitchTo().Alert());
}
