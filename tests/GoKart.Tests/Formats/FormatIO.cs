using GoKart.Formats;

namespace GoKart.Tests.Formats;

/// <summary>Writes and reads values through the default registry, in memory or on disk.</summary>
internal static class FormatIO
{
    public static FormatRegistry Registry { get; } = FormatRegistry.CreateDefault();

    public static async Task<byte[]> WriteAsync<T>(string path, T value, Target? target = null)
    {
        using var stream = new MemoryStream();
        await WriteToAsync(stream, path, value, target);
        return stream.ToArray();
    }

    public static async Task<T> ReadAsync<T>(string path, byte[] bytes, Target? target = null)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return await ReadFromAsync<T>(stream, path, target);
    }

    public static async Task<T> RoundTripAsync<T>(string path, T value, Target? target = null) =>
        await ReadAsync<T>(path, await WriteAsync(path, value, target), target);

    public static async Task WriteFileAsync<T>(string fullPath, T value, Target? target = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        await using var stream = File.Create(fullPath);
        await WriteToAsync(stream, fullPath, value, target);
    }

    public static async Task<T> ReadFileAsync<T>(string fullPath, Target? target = null)
    {
        await using var stream = File.OpenRead(fullPath);
        return await ReadFromAsync<T>(stream, fullPath, target);
    }

    private static async Task WriteToAsync<T>(Stream stream, string path, T value, Target? target)
    {
        target = (target ?? new Target(path)) with { Path = path };
        var format = target.ResolveFormat(Registry);
        Assert.True(format.Supports(typeof(T)), $"{format.Name} should support {typeof(T)}");
        await format.WriteAsync(stream, value, typeof(T), new FormatContext(path, target, Registry), CancellationToken.None);
    }

    private static async Task<T> ReadFromAsync<T>(Stream stream, string path, Target? target)
    {
        target = (target ?? new Target(path)) with { Path = path };
        var format = target.ResolveFormat(Registry);
        return (T)(await format.ReadAsync(stream, typeof(T), new FormatContext(path, target, Registry), CancellationToken.None))!;
    }
}
