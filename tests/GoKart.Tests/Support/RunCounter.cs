using System.Collections.Concurrent;

namespace GoKart.Tests.Support;

/// <summary>Counts task runs by name; handed to tasks through a [NotParameter] property.</summary>
public sealed class RunCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private int _concurrent;
    private int _maxConcurrent;

    public int this[string name] => _counts.GetValueOrDefault(name);

    public int Total => _counts.Values.Sum();

    public int MaxConcurrent => _maxConcurrent;

    public void Hit(string name) => _counts.AddOrUpdate(name, 1, (_, c) => c + 1);

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _concurrent);
        int seen;
        while ((seen = _maxConcurrent) < now && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
        {
        }

        return new Exit(this);
    }

    private sealed class Exit(RunCounter counter) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref counter._concurrent);
    }
}
