using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoKart;

/// <summary>
/// What a task requires: a list of tasks, or tasks (and lists of tasks) by name, like gokart's dict
/// requires. Returned by <see cref="TaskOnKart.Requires"/>; <see cref="TaskOnKart.Load()"/> returns the
/// inputs in the same shape. Enumerating it gives every required task, flattened, in order.
/// </summary>
/// <example>
/// <code>
/// protected override Dependencies Requires() => [Train, Test];
/// protected override Dependencies Requires() => new() { ["train"] = Train, ["test"] = Test };
/// </code>
/// </example>
[CollectionBuilder(typeof(Dependencies), nameof(Create))]
public sealed class Dependencies : IEnumerable<TaskOnKart>
{
    private readonly List<TaskOnKart> _flat = [];
    private readonly List<Entry> _entries = [];

    /// <summary>No requirements.</summary>
    public static Dependencies None => new();

    /// <summary>Number of required tasks, lists flattened.</summary>
    public int Count => _flat.Count;

    /// <summary>True when the requirements are named (dictionary shape).</summary>
    public bool IsNamed => _entries.Count > 0 && _entries[0].Name is not null;

    /// <summary>Adds a named requirement.</summary>
    public TaskOnKart this[string name]
    {
        get => _entries.Find(e => e.Name == name)?.Single ?? throw new KeyNotFoundException($"No single requirement named '{name}'.");
        set => AddEntry(new Entry(name, value ?? throw new ArgumentNullException(nameof(value)), null));
    }

    internal IReadOnlyList<Entry> Entries => _entries;

    /// <summary>Builds a list of requirements (used by collection expressions).</summary>
    public static Dependencies Create(ReadOnlySpan<TaskOnKart> tasks)
    {
        var result = new Dependencies();
        foreach (var task in tasks)
        {
            result.Add(task);
        }

        return result;
    }

    /// <summary>Adds an unnamed requirement.</summary>
    public void Add(TaskOnKart task) => AddEntry(new Entry(null, task ?? throw new ArgumentNullException(nameof(task)), null));

    /// <summary>Adds a named requirement.</summary>
    public void Add(string name, TaskOnKart task) => this[name] = task;

    /// <summary>Adds a named list of requirements; <c>Load()</c> gives its outputs as a list.</summary>
    public void Add(string name, IEnumerable<TaskOnKart> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        AddEntry(new Entry(name, null, [.. tasks]));
    }

    /// <summary>Converts an array of tasks.</summary>
    public static implicit operator Dependencies(TaskOnKart[] tasks) => Create(tasks);

    /// <summary>Converts a list of tasks.</summary>
    public static implicit operator Dependencies(List<TaskOnKart> tasks) => Create(CollectionsMarshal.AsSpan(tasks));

    /// <summary>Converts a dictionary of tasks (insertion order is kept).</summary>
    public static implicit operator Dependencies(Dictionary<string, TaskOnKart> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var result = new Dependencies();
        foreach (var (name, task) in tasks)
        {
            result[name] = task;
        }

        return result;
    }

    /// <summary>Same as the array conversion, for languages without implicit operators.</summary>
    public static Dependencies FromArray(TaskOnKart[] tasks) => Create(tasks);

    /// <summary>Enumerates every required task, lists flattened, in order.</summary>
    public IEnumerator<TaskOnKart> GetEnumerator() => _flat.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal List<TaskOnKart> Flat => _flat;

    private void AddEntry(Entry entry)
    {
        if (_entries.Count > 0 && (_entries[0].Name is null) != (entry.Name is null))
        {
            throw new InvalidOperationException("Dependencies cannot mix named and unnamed tasks.");
        }

        if (entry.Name is not null && _entries.Exists(e => e.Name == entry.Name))
        {
            throw new InvalidOperationException($"Dependencies already has a requirement named '{entry.Name}'.");
        }

        _entries.Add(entry);
        if (entry.Single is not null)
        {
            _flat.Add(entry.Single);
        }
        else
        {
            _flat.AddRange(entry.List!);
        }
    }

    internal sealed record Entry(string? Name, TaskOnKart? Single, IReadOnlyList<TaskOnKart>? List);
}
