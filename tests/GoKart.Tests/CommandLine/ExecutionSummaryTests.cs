using GoKart.CommandLine;

namespace GoKart.Tests.CommandLine;

public sealed class ExecutionSummaryTests
{
    private static readonly string A = new('a', 32);
    private static readonly string B = new('b', 32);
    private static readonly string C = new('c', 32);
    private static readonly string D = new('d', 32);

    [Fact]
    public void Format_MixedOutcome_LuigiLayout()
    {
        var failure = new TaskFailure("Train", C, new InvalidOperationException("boom"));
        var report = new BuildReport(
            [
                new TaskOutcome("Load", A, TaskRunStatus.AlreadyComplete, null, null),
                new TaskOutcome("Clean", B, TaskRunStatus.Succeeded, TimeSpan.FromSeconds(1), null),
                new TaskOutcome("Train", C, TaskRunStatus.Failed, TimeSpan.FromSeconds(1), failure.Exception),
                new TaskOutcome("Report", D, TaskRunStatus.UpstreamFailed, null, null),
            ],
            [failure],
            null,
            TimeSpan.FromSeconds(2));
        var descriptions = new Dictionary<string, string> { [A] = "Load(path=x)", [B] = "Clean()", [C] = "Train(epochs=3)", [D] = "Report()" };

        var text = ExecutionSummary.Format(report, descriptions);

        Assert.Equal(
            $"""
            ===== GoKart Execution Summary =====

            Scheduled 4 tasks of which:
            * 1 complete ones were encountered:
                - 1 Load(path=x) [{A}]
            * 1 ran successfully:
                - 1 Clean() [{B}]
            * 1 failed:
                - 1 Train(epochs=3) [{C}]
            * 1 were left pending, among these:
                * 1 had failed dependencies:
                    - 1 Report() [{D}]

            This progress looks :( because there were failed tasks

            ===== GoKart Execution Summary =====

            """.ReplaceLineEndings("\n"),
            text);
        Assert.Equal(ExitCodes.TaskFailed, ExecutionSummary.ExitCode(report));
        Assert.Equal($"FAILED :( 1 task(s) failed: Train[{C}]: InvalidOperationException: boom. Exit code 1.", ExecutionSummary.FinalLine(report, $"Report[{D}]"));
    }

    [Fact]
    public void Format_OnlyMissingExternalData_NeutralFaceAndItsExitCode()
    {
        var failure = new TaskFailure("Raw", A, new MissingExternalDataException("Raw", "raw/a.csv"));
        var report = new BuildReport(
            [new TaskOutcome("Raw", A, TaskRunStatus.Failed, null, failure.Exception), new TaskOutcome("Use", B, TaskRunStatus.UpstreamFailed, null, null)],
            [failure],
            null,
            TimeSpan.Zero);

        var text = ExecutionSummary.Format(report, new Dictionary<string, string>());

        Assert.Contains("* 2 were left pending, among these:\n    * 1 were missing external dependencies:\n        - 1 Raw [", text);
        Assert.Contains("    * 1 had missing dependencies:\n", text);
        Assert.Contains("This progress looks :| because there were missing external dependencies", text);
        Assert.Equal(ExitCodes.MissingExternalData, ExecutionSummary.ExitCode(report));
        Assert.StartsWith("MISSING DATA :| External data of 'Raw' is missing: expected 'raw/a.csv'", ExecutionSummary.FinalLine(report, "Use[x]"));
    }

    [Fact]
    public void Format_SeveralTasksOfOneClass_GroupedWithCount()
    {
        var report = new BuildReport(
            [new TaskOutcome("Part", A, TaskRunStatus.Succeeded, null, null), new TaskOutcome("Part", B, TaskRunStatus.Succeeded, null, null)],
            [],
            "x",
            TimeSpan.FromSeconds(1.5));

        var text = ExecutionSummary.Format(report, new Dictionary<string, string>());

        Assert.Contains("* 2 ran successfully:\n    - 2 Part(...)\n", text);
        Assert.Equal("SUCCESS :) Part[b] is complete: 2 ran, 0 already complete, in 1.50s. Exit code 0.", ExecutionSummary.FinalLine(report, "Part[b]"));
    }
}

public sealed class ProgressDisplayTests
{
    [Fact]
    public void Report_Redirected_OnePlainLinePerEvent()
    {
        var writer = new StringWriter();
        using (var display = new ProgressDisplay(writer, interactive: false, TimeProvider.System))
        {
            display.Report(new BuildProgress(BuildEvent.Started, "T", "id", 2, 0, 1, 0, TimeSpan.FromSeconds(1)));
            display.Report(new BuildProgress(BuildEvent.Succeeded, "T", "id", 2, 1, 0, 0, TimeSpan.FromSeconds(2)));
            display.Report(new BuildProgress(BuildEvent.Failed, "U", "id2", 2, 1, 0, 1, TimeSpan.FromSeconds(3)));
        }

        Assert.Equal(
            [
                "[0/2] T[id] started (running 1, failed 0, elapsed 1.00s)",
                "[1/2] T[id] succeeded (running 0, failed 0, elapsed 2.00s, ETA 2.00s)",
                "[1/2] U[id2] FAILED (running 0, failed 1, elapsed 3.00s)",
            ],
            writer.ToString().TrimEnd().Split(Environment.NewLine));
        Assert.DoesNotContain('\u001b', writer.ToString());
    }

    [Fact]
    public void Report_Interactive_RedrawsOneLineAndClearsItAtTheEnd()
    {
        var writer = new StringWriter();
        using (var display = new ProgressDisplay(writer, interactive: true, TimeProvider.System))
        {
            display.Report(new BuildProgress(BuildEvent.Succeeded, "T", "id", 4, 2, 1, 0, TimeSpan.FromSeconds(2)));
        }

        var text = writer.ToString();
        Assert.StartsWith("\r\u001b[2K[##########----------] 2/4 done, 1 running, 0 failed, elapsed ", text);
        Assert.Contains(", ETA ", text);
        Assert.EndsWith("\r\u001b[2K", text);
        Assert.DoesNotContain('\n', text);
    }
}
