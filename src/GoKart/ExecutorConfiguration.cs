namespace GoKart;

/// <summary>What the command line hands an <see cref="ITaskExecutorProvider"/>: its config sections and switches.</summary>
public sealed class ExecutorConfiguration
{
    /// <summary>Creates a configuration (tests and programs that wire executors by hand).</summary>
    public ExecutorConfiguration(IReadOnlyDictionary<string, IReadOnlyList<ExecutorSetting>> sections, bool dryRun, TextWriter output, Func<string, string?> getEnvironmentVariable)
    {
        Sections = sections;
        DryRun = dryRun;
        Output = output;
        GetEnvironmentVariable = getEnvironmentVariable;
    }

    /// <summary>
    /// The executor's sections by name, values interpolated: <c>""</c> for <c>[NAME]</c>, <c>"TaskName"</c> for
    /// <c>[NAME.TaskName]</c>. Later files override earlier ones key by key.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ExecutorSetting>> Sections { get; }

    /// <summary><c>--dry-run</c>: show what would be submitted, submit nothing.</summary>
    public bool DryRun { get; }

    /// <summary>Where the dry run and the executor's progress lines go.</summary>
    public TextWriter Output { get; }

    /// <summary>Reads environment variables.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; }
}

/// <summary>One <c>key = value</c> of an executor's config section, with where it came from for messages.</summary>
/// <param name="Key">The key as written.</param>
/// <param name="Value">The value, interpolated.</param>
/// <param name="Origin"><c>file:line [section] key</c>.</param>
public sealed record ExecutorSetting(string Key, string Value, string Origin);
