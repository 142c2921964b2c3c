using System.Text.Json;

namespace GoKart.Slurm;

/// <summary>
/// <c>&lt;log folder&gt;/batches/&lt;key&gt;.json</c>: the unique ids a job runs and its log file patterns. The job
/// reads it (its path comes in <c>GOKART_SLURM_BATCH</c>); a second driver reads it to know what a queued job covers.
/// </summary>
internal sealed record BatchFile(IReadOnlyList<string> Tasks, string Stdout, string Stderr)
{
    public const string Variable = "GOKART_SLURM_BATCH";

    public static string PathFor(string logFolder, string key) => Path.Combine(logFolder, "batches", key + ".json");

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    public static async Task<BatchFile?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize<BatchFile>(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
