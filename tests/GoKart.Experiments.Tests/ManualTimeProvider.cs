namespace GoKart.Experiments.Tests;

internal sealed class ManualTimeProvider(DateTimeOffset start, TimeZoneInfo zone) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
