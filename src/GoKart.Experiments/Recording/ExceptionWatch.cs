using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace GoKart.Experiments.Recording;

/// <summary>
/// Finds the exception that ends an experiment inside a handler that catches it: System.CommandLine's
/// <c>Invoke</c> catches what a <c>SetAction</c> body throws, prints it and returns 1 after <c>using</c> has
/// already disposed the experiment, so neither the unhandled-exception event nor the exit code carries it.
/// </summary>
/// <remarks>
/// .NET has no "exception in flight" API. While recording, the last exception thrown on each thread is kept
/// (first-chance notification). At <c>Dispose</c>, that exception is <em>escaping</em> when its stack trace,
/// which the runtime completes up to the catching frame before any <c>finally</c> runs, passes through the
/// method that called <c>Dispose</c> and on into that method's caller. It is <em>a candidate</em> when it
/// passed through the caller without going further (an <c>async</c> body catches everything in its own
/// frame, so an escaping exception looks the same as one it caught itself); a candidate is only reported when
/// the process then exits with a non-zero code.
/// </remarks>
internal sealed class ExceptionWatch : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Exception> _lastByThread = [];

    public ExceptionWatch() => AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;

    public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= OnFirstChance;

    /// <summary>What the last exception thrown on this thread says about the frame disposing the experiment.</summary>
    /// <param name="disposer">The stack of the caller of <c>Dispose</c> (frame 0 is that caller).</param>
    public (Exception? Escaping, Exception? Candidate) Inspect(StackTrace disposer)
    {
        Exception? last;
        lock (_gate)
        {
            _lastByThread.TryGetValue(Environment.CurrentManagedThreadId, out last);
        }

        if (last is null || disposer.FrameCount == 0 || disposer.GetFrame(0)?.GetMethod() is not { } caller)
        {
            return (null, null);
        }

        var frames = new StackTrace(last, false).GetFrames();
        var at = Array.FindIndex(frames, f => SameMethod(f.GetMethod(), caller));
        if (at < 0)
        {
            return (null, null);
        }

        var outer = disposer.FrameCount > 1 ? disposer.GetFrame(1)?.GetMethod() : null;
        return at + 1 < frames.Length && outer is not null && SameMethod(frames[at + 1].GetMethod(), outer) ? (last, null) : (null, last);
    }

    private static bool SameMethod(MethodBase? a, MethodBase? b) =>
        a is not null && b is not null && a.MetadataToken == b.MetadataToken && a.Module == b.Module;

    private void OnFirstChance(object? sender, FirstChanceExceptionEventArgs e)
    {
        lock (_gate)
        {
            _lastByThread[Environment.CurrentManagedThreadId] = e.Exception;
        }
    }
}
