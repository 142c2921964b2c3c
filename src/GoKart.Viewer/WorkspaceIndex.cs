using System.Text.Json;
using GoKart.Formats;
using GoKart.Storage;

namespace GoKart.Viewer;

/// <summary>
/// A workspace's recorded task runs (thunderbolt for GoKart.NET): scan the run logs under <c>log/</c> into
/// <see cref="WorkspaceRuns"/> (cached, so an unchanged workspace is not read again), then load outputs, read
/// task logs and clean runs. Works on any store: local folders, <c>s3://</c> with GoKart.S3, in-memory.
/// </summary>
/// <example>
/// <code>
/// var index = WorkspaceIndex.Open("resources");
/// var runs = await index.ScanAsync(ct);
/// foreach (var run in runs.Query(new RunQuery { Name = "Train", Descending = true, Limit = 10 }).Runs)
///     Console.WriteLine($"{run.Id[..8]} {run.TaskName} {run.End}");
/// var model = await index.LoadAsync&lt;double[]&gt;(runs.Resolve("Train"), ct: ct);
/// </code>
/// </example>
public sealed class WorkspaceIndex
{
    private readonly WorkspaceIndexOptions _options;
    private readonly FormatRegistry _formats;

    /// <summary>An index over an open store.</summary>
    public WorkspaceIndex(IWorkspaceStore store, WorkspaceIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        _options = options ?? new WorkspaceIndexOptions();
        _formats = _options.Formats ?? FormatRegistry.CreateDefault();
    }

    /// <summary>The workspace's store.</summary>
    public IWorkspaceStore Store { get; }

    /// <summary>Opens a workspace location as builds do: the first provider that accepts it, else a local folder.</summary>
    public static WorkspaceIndex Open(string location, WorkspaceIndexOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        options ??= new WorkspaceIndexOptions();
        var provider = options.StoreProviders.FirstOrDefault(p => p.CanOpen(location));
        if (provider is not null)
        {
            return new WorkspaceIndex(provider.Open(location), options);
        }

        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            throw new ArgumentException($"No workspace provider for '{location[..scheme]}://' (workspace '{location}'); add the backend package's provider to StoreProviders.", nameof(location));
        }

        return new WorkspaceIndex(new LocalFileStore(location), options);
    }

    /// <summary>Lists the workspace and reads the run logs that changed since the last scan.</summary>
    public Task<WorkspaceRuns> ScanAsync(CancellationToken cancellationToken = default)
    {
        RunCache? cache = null;
        if (_options.UseCache)
        {
            var location = Store is LocalFileStore local ? Path.GetFullPath(local.Root) : RunScanner.DescribePrefix(Store);
            cache = RunCache.For(_options.CacheDirectory ?? RunCache.DefaultDirectory(), location);
        }

        return RunScanner.ScanAsync(Store, cache, Math.Max(1, _options.Parallelism), cancellationToken);
    }

    /// <summary>Loads an output (the main one unless named) as <typeparamref name="T"/>, with the format its extension names.</summary>
    public async Task<T> LoadAsync<T>(TaskRun run, string output = "output", CancellationToken cancellationToken = default) =>
        (T)(await ReadAsync(run, output, typeof(T), cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// Loads an output as the format's natural value: a <see cref="JsonElement"/> for JSON, a string for text, plain
    /// data for pickles, otherwise what the format reads as <see cref="object"/>, else the raw bytes.
    /// </summary>
    public async Task<object?> LoadAsync(TaskRun run, string output = "output", CancellationToken cancellationToken = default)
    {
        var target = OutputOf(run, output);
        var format = _formats.TryResolve(target.Path!, out var f) ? f : null;
        var type = format switch
        {
            JsonFormat => typeof(JsonElement),
            TextFormat => typeof(string),
            { } known when known.Supports(typeof(object)) => typeof(object),
            _ => typeof(byte[]),
        };
        return type == typeof(byte[]) && format is not BytesFormat
            ? await ReadBytesAsync(target.Path!, cancellationToken).ConfigureAwait(false)
            : await ReadAsync(run, output, type, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A readable text of an output (a table's head with column types, an array's shape and head, text, a pickle as Python-like text, bytes as size and hex head).</summary>
    public async Task<string> PreviewAsync(TaskRun run, string output = "output", int topK = 10, CancellationToken cancellationToken = default)
    {
        var target = OutputOf(run, output);
        var stream = await Store.OpenReadAsync(target.Path!, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await OutputPreview.RenderAsync(stream, target.Path!, topK, _formats, Store.Describe(target.Path!), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Copies an output's bytes to a stream.</summary>
    public async Task CopyOutputAsync(TaskRun run, string output, Stream destination, CancellationToken cancellationToken = default)
    {
        var stream = await Store.OpenReadAsync(OutputOf(run, output).Path!, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What the task logged during the run (task_log), oldest first; empty when the log is gone or damaged.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset? Time, string Level, string Message)>> ReadTaskLogAsync(TaskRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            var stream = await Store.OpenReadAsync(LogFileName.PathOf(LogFileName.TaskLog, run.TaskName, run.Id), cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!document.RootElement.TryGetProperty("task_log", out var entries) || entries.ValueKind != JsonValueKind.Array)
                {
                    return [];
                }

                return [.. entries.EnumerateArray().Select(e => (
                    e.TryGetProperty("time", out var t) && t.TryGetDateTimeOffset(out var time) ? time : (DateTimeOffset?)null,
                    e.TryGetProperty("level", out var l) ? l.GetString() ?? string.Empty : string.Empty,
                    e.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty))];
            }
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return [];
        }
    }

    /// <summary>The module versions recorded for the run (<c>Name==Version</c> lines); empty when missing.</summary>
    public async Task<IReadOnlyList<string>> ReadModuleVersionsAsync(TaskRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            var stream = await Store.OpenReadAsync(LogFileName.PathOf(LogFileName.ModuleVersions, run.TaskName, run.Id), cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream);
                var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>
    /// Deletes the outputs and log files of the runs (or, with <paramref name="dryRun"/>, only says which it would).
    /// Only workspace-relative paths are touched: an output an old log places outside this workspace is left alone.
    /// </summary>
    public async Task<IReadOnlyList<string>> CleanAsync(IEnumerable<TaskRun> runs, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var paths = runs.SelectMany(r => r.Outputs.Where(o => o.Exists).Select(o => o.Path!).Concat(r.LogPaths))
            .Where(IsInsideWorkspace).Distinct(StringComparer.Ordinal).ToList();
        var touched = new List<string>();
        foreach (var path in paths)
        {
            if (dryRun || await Store.DeleteAsync(path, cancellationToken).ConfigureAwait(false))
            {
                touched.Add(path);
            }
        }

        return touched;
    }

    internal static bool IsInsideWorkspace(string path) =>
        path.Length > 0 && !path.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(path) && !path.StartsWith('/')
        && !path.Split('/').Any(part => part is ".." or "." or "");

    private static RunOutput OutputOf(TaskRun run, string output)
    {
        ArgumentNullException.ThrowIfNull(run);
        var found = run.Outputs.FirstOrDefault(o => o.Name == output)
            ?? throw new ArgumentException($"Run {run} has no output named '{output}' (outputs: {string.Join(", ", run.Outputs.Select(o => o.Name))}).", nameof(output));
        return found.Path is null
            ? throw new FileNotFoundException($"Output '{output}' of {run} is recorded at {found.Location}, which is not in this workspace.", found.Location)
            : found;
    }

    private async Task<object?> ReadAsync(TaskRun run, string output, Type type, CancellationToken cancellationToken)
    {
        var path = OutputOf(run, output).Path!;
        var target = new Target(path);
        var format = target.ResolveFormat(_formats);
        var stream = await Store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await format.ReadAsync(stream, type, new FormatContext(Store.Describe(path), target, _formats), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadBytesAsync(string path, CancellationToken cancellationToken)
    {
        var stream = await Store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }
}
