using GoKart.Formats;

namespace GoKart.Arrow.Tests;

public enum Color
{
    Red,
    Green,
    Blue,
}

public sealed record Wide(
    int Id, long Big, double Score, float Ratio, bool Flag, byte Small, string Name, string? Note, int? Maybe, double? MaybeScore,
    DateTime When, DateTimeOffset At, DateOnly Day, TimeOnly Clock, TimeSpan Span, decimal Price, Guid Key, Color Color, Color? MaybeColor, char Letter, Half Tiny);

internal static class Rows
{
    public static FormatRegistry Registry { get; } = FormatRegistry.CreateDefault().AddArrow();

    /// <summary>Row i has every nullable column null when i % 3 == 1.</summary>
    public static Wide Make(int i) => new(
        i,
        (long)i * 10_000_000_000L,
        i * 0.25,
        i / 8f,
        i % 2 == 0,
        (byte)(i % 256),
        "name " + i + (i % 4 == 0 ? " é ✓" : ""),
        i % 3 == 1 ? null : "note " + i,
        i % 3 == 1 ? null : -i,
        i % 3 == 1 ? null : i + 0.5,
        new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(i).AddTicks(i * 7),
        new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero).AddHours(i),
        new DateOnly(1999, 12, 31).AddDays(i),
        new TimeOnly(1, 2, 3).Add(TimeSpan.FromMicroseconds(i)),
        TimeSpan.FromMinutes(i) + TimeSpan.FromTicks(i),
        (i * 1.01m) - 3m,
        new Guid(i, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
        (Color)(i % 3),
        i % 3 == 1 ? null : Color.Blue,
        (char)('a' + (i % 26)),
        (Half)(i % 100));

    public static async Task<byte[]> WriteAsync<T>(string path, T value, object? options = null)
    {
        using var stream = new MemoryStream();
        var target = new Target(path) { FormatOptions = options };
        var format = target.ResolveFormat(Registry);
        Assert.True(format.Supports(typeof(T)));
        await format.WriteAsync(stream, value, typeof(T), new FormatContext(path, target, Registry), CancellationToken.None);
        return stream.ToArray();
    }

    public static async Task<T> ReadAsync<T>(string path, byte[] bytes, object? options = null)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var target = new Target(path) { FormatOptions = options };
        return (T)(await target.ResolveFormat(Registry).ReadAsync(stream, typeof(T), new FormatContext(path, target, Registry), CancellationToken.None))!;
    }
}
