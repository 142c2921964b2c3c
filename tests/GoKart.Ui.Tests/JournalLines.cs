namespace GoKart.Ui.Tests;

/// <summary>Hand-written build-journal lines in the producer's format (three tasks: two Loads feeding a Train).</summary>
internal static class JournalLines
{
    public static readonly string RunningPlan =
        "{\"event\":\"plan\",\"build\":\"" + UiWorkspace.RunningBuild + "\",\"time\":\"2026-12-02T16:30:00.123+00:00\",\"host\":\"h\",\"pid\":4242,\"workers\":2,\"root\":2,\"tasks\":["
        + "{\"task\":\"Load\",\"type\":\"Ns.Load\",\"id\":\"" + new string('1', 32) + "\",\"requires\":[],\"state\":\"pending\"},"
        + "{\"task\":\"Load\",\"type\":\"Ns.Load\",\"id\":\"" + new string('2', 32) + "\",\"requires\":[],\"state\":\"complete\"},"
        + "{\"task\":\"Train\",\"type\":\"Ns.Train\",\"id\":\"" + new string('3', 32) + "\",\"requires\":[0,1],\"state\":\"pending\"}]}";

    public static string Start(int n) => $"{{\"event\":\"start\",\"time\":\"2026-12-02T16:30:01+00:00\",\"n\":{n}}}";

    public static string Done(int n, double seconds) =>
        $"{{\"event\":\"done\",\"time\":\"2026-12-02T16:30:02+00:00\",\"n\":{n},\"seconds\":{seconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}}";

    public static string End(string status) => $"{{\"event\":\"end\",\"time\":\"2026-12-02T16:30:05+00:00\",\"status\":\"{status}\"}}";
}
