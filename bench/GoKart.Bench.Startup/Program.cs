using System.Diagnostics;
using System.Runtime.CompilerServices;
using GoKart;

// Issue 18 item 4, start-up with the JIT. Modes (run in an empty folder; bench/startup.py drives them):
//   build  the Quickstart's one-task build, timed inside the process: "first-build <s> main-at <s>" (the first Kart.Build
//          call, and how long after the process started Main was entered)
//   bare   prints one line and touches no GoKart type: the floor of a `dotnet x.dll` process on this machine
if (args.Length > 0 && args[0] == "bare")
{
    Console.WriteLine("Hello, world!");
    return 0;
}

var mainEntered = DateTime.UtcNow;
var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
var elapsed = Probe.FirstBuild(out var output);
// Methods JIT-compiled during the build itself (the task's own class and Probe included), before this program's own
// printing and process-time calls add theirs.
var jitBuild = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
Console.WriteLine(output);
// Read after the build so that loading System.Diagnostics.Process does not run before it (clock ticks: 10 ms resolution).
var mainAt = mainEntered - Process.GetCurrentProcess().StartTime.ToUniversalTime();
Console.Error.WriteLine(FormattableString.Invariant($"first-build {elapsed.TotalSeconds:F4} main-at {mainAt.TotalSeconds:F4} jit-methods {System.Runtime.JitInfo.GetCompiledMethodCount()} jit-methods-build {jitBuild} jit-s {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F4}"));
return 0;

/// <summary>Kept out of Main so that the bare mode never loads GoKart.</summary>
internal static class Probe
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TimeSpan FirstBuild(out string output)
    {
        var start = Stopwatch.GetTimestamp();
        output = Kart.Build(new Hello());
        return Stopwatch.GetElapsedTime(start);
    }
}

/// <summary>The Quickstart's task: its output is a string.</summary>
public sealed class Hello : TaskOnKart<string>
{
    /// <inheritdoc />
    protected override string Run() => "Hello, world!";
}
