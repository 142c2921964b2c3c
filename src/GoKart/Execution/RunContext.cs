using GoKart.Logging;
using GoKart.Storage;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>What a task can reach while it runs: its inputs, its named outputs, its logger and random generator.</summary>
internal sealed class RunContext
{
    private readonly BuildSession _session;
    private readonly TaskNode _node;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IPendingWrite> _namedWrites = new(StringComparer.Ordinal);
    private Random? _random;

    public RunContext(BuildSession session, TaskNode node, CancellationToken cancellationToken)
    {
        _session = session;
        _node = node;
        CancellationToken = cancellationToken;
        Seed = node.Task.GetSeedOverride() ?? SeedFromId(node.Id);
        Logger = new TaskLogger(session.LoggerFactory.CreateLogger(node.Name), session.Time);
    }

    /// <summary>The recorded seed: gokart's value (0 to 2^32 - 2), or the task's own seed.</summary>
    public long Seed { get; }

    public TaskLogger Logger { get; }

    // Random takes an Int32: its bits are the seed's low 32, so an override seed of a task keeps its exact meaning.
    public Random Random => _random ??= new Random(unchecked((int)Seed));

    public CancellationToken CancellationToken { get; }

    public IReadOnlyDictionary<string, IPendingWrite> NamedWrites => _namedWrites;

    /// <summary>gokart's seed: <c>int(unique_id, 16) % (2**32 - 1)</c>.</summary>
    public static long SeedFromId(string id)
    {
        // The id read as one big hexadecimal number, reduced digit by digit (remainder * 16 + 15 fits a ulong).
        const ulong Modulus = uint.MaxValue;
        ulong remainder = 0;
        foreach (var c in id)
        {
            remainder = ((remainder * 16) + (ulong)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10)) % Modulus;
        }

        return (long)remainder;
    }

    public object? Load(TaskOnKart task, string? outputName = null, Type? valueType = null) =>
        LoadAsync(task, outputName, valueType, CancellationToken).AsTask().GetAwaiter().GetResult();

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public async ValueTask<object?> LoadAsync(TaskOnKart task, string? outputName, Type? valueType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var dependency = _node.FindDependency(task)
            ?? throw new TaskDefinitionException(
                _node.Name,
                $"Task '{_node.Label}' loads '{task.Descriptor.ClassName}[{task.UniqueId}]', which it does not require. Add it to Requires().");
        return await ReadOutputAsync(_session, dependency.Task, outputName, valueType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A required task's table output as rows read on enumeration (gokart's load_generator).</summary>
    public IAsyncEnumerable<TRecord> LoadRows<TRecord>(TaskOnKart task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var dependency = _node.FindDependency(task)
            ?? throw new TaskDefinitionException(
                _node.Name,
                $"Task '{_node.Label}' loads '{task.Descriptor.ClassName}[{task.UniqueId}]', which it does not require. Add it to Requires().");
        var session = _session;
        var target = dependency.Task.OutputTarget;
        var format = target.ResolveFormat(session.Formats);
        [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
        async ValueTask<Stream> OpenAsync(CancellationToken ct)
        {
            if (session.Lock is not null)
            {
                var writer = await session.Lock.AcquireAsync(LockKeys.Output(dependency.Task), ct).ConfigureAwait(false);
                await writer.DisposeAsync().ConfigureAwait(false);
            }

            return await session.Store.OpenReadAsync(target.Path, ct).ConfigureAwait(false);
        }

        return Formats.Tables.RowStreams.Lazy<TRecord>(
            format, OpenAsync, session.FormatContext(target), cancellationToken.CanBeCanceled ? cancellationToken : CancellationToken);
    }

    public object? LoadAll()
    {
        var requires = _node.Requires;
        if (!requires.IsNamed)
        {
            return requires.Select(t => Load(t)).ToList();
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in requires.Entries)
        {
            result[entry.Name!] = entry.Single is { } single ? Load(single) : entry.List!.Select(t => Load(t)).ToList();
        }

        return result;
    }

    public void Dump(string outputName, object? value, Type type)
    {
        if (!_node.Task.AdditionalOutputTargets.TryGetValue(outputName, out var target))
        {
            var known = string.Join(", ", _node.Task.AdditionalOutputTargets.Keys);
            throw new TaskDefinitionException(_node.Name, $"Task '{_node.Label}' dumps to '{outputName}', which AdditionalOutputs() does not declare (declared: {known}).");
        }

        var write = TaskRunner.WriteAsync(_session, target, value, type, CancellationToken).AsTask().GetAwaiter().GetResult();
        lock (_gate)
        {
            if (_namedWrites.Remove(outputName, out var previous))
            {
                previous.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            _namedWrites[outputName] = write;
        }
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public static async ValueTask<object?> ReadOutputAsync(BuildSession session, TaskOnKart task, string? outputName, Type? valueType, CancellationToken cancellationToken)
    {
        Target target;
        Type type;
        if (outputName is null)
        {
            target = task.OutputTarget;
            type = task.Descriptor.OutputType;
        }
        else if (!task.AdditionalOutputTargets.TryGetValue(outputName, out target!))
        {
            throw new TaskDefinitionException(task.Descriptor.ClassName, $"Task '{task.Descriptor.ClassName}' has no output named '{outputName}'.");
        }
        else
        {
            type = valueType ?? typeof(object);
        }

        var format = target.ResolveFormat(session.Formats);
        if (session.Lock is not null)
        {
            // gokart's load lock: wait out a process that is publishing this output right now.
            var writer = await session.Lock.AcquireAsync(LockKeys.Output(task), cancellationToken).ConfigureAwait(false);
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        if (Formats.Tables.RowStreams.IsRowStream(type, out var record))
        {
            // gokart's load_generator: the file is opened when the rows are enumerated, not now.
            return Formats.Tables.RowStreams.LazyOf(record, format, ct => session.Store.OpenReadAsync(target.Path, ct), session.FormatContext(target));
        }

        var stream = await session.Store.OpenReadAsync(target.Path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await format.ReadAsync(stream, type, session.FormatContext(target), cancellationToken).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder))]
    public async ValueTask DiscardAsync()
    {
        foreach (var write in _namedWrites.Values)
        {
            await write.DisposeAsync().ConfigureAwait(false);
        }
    }
}
