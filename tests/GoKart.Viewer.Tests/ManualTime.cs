namespace GoKart.Viewer.Tests;

/// <summary>A clock that moves only when told (each reading of the timestamp advances it by a fixed step).</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private long _ticks;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerMillisecond * 250);

    public void Advance(TimeSpan by) => _now += by;
}
