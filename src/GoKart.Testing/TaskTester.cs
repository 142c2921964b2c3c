using GoKart.Storage;

namespace GoKart.Testing;

/// <summary>
/// gokart.testing's way to test one task: its requirements' outputs are given values, written to an in-memory
/// workspace through their formats (so what the task loads went through the same serialisation as in a real
/// build), and only the task itself runs.
/// </summary>
/// <example>
/// <code>
/// var source = new Greeting();
/// var shout = new Shout { Source = source };
/// Assert.Equal("HI!", TaskTester.Run(shout, TaskInput.For(source, "hi!")));
/// </code>
/// </example>
public static class TaskTester
{
    /// <summary>Runs <paramref name="task"/> with <paramref name="inputs"/> as its requirements' outputs and returns its output.</summary>
    /// <exception cref="ArgumentException">A requirement has no input, or an input is not a requirement.</exception>
    public static T Run<T>(TaskOnKart<T> task, params TaskInput[] inputs) =>
        RunAsync(task, inputs, null, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Run{T}"/>; <paramref name="options"/> may add formats, a clock or a logger.</summary>
    /// <exception cref="ArgumentException">A requirement has no input, or an input is not a requirement.</exception>
    public static async Task<T> RunAsync<T>(TaskOnKart<T> task, IReadOnlyList<TaskInput> inputs, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(inputs);
        var store = new InMemoryStore();
        var o = options ?? new BuildOptions();
        var buildOptions = new BuildOptions
        {
            Store = store,
            Workers = 1,
            Formats = o.Formats,
            LogLevel = o.LogLevel,
            LoggerFactory = o.LoggerFactory,
            TimeProvider = o.TimeProvider,
            FailOnEmptyDump = o.FailOnEmptyDump,
            Rerun = true,
        };
        await Kart.PrepareInputsAsync(task, [.. inputs.Select(i => (i.Task, i.Value, i.Type))], buildOptions, cancellationToken).ConfigureAwait(false);
        return await Kart.BuildAsync(task, buildOptions, cancellationToken).ConfigureAwait(false);
    }
}
