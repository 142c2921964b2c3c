using System.Runtime.CompilerServices;
using GoKart.Execution;
using GoKart.Execution.Async;

namespace GoKart;

/// <summary>Loading a finished task's output without a build (gokart's <c>task.load_output()</c>, <c>task.output().load()</c>).</summary>
public static partial class Kart
{
    /// <summary>
    /// Reads the main output of <paramref name="task"/> from the workspace of <paramref name="options"/>, as gokart's
    /// <c>task.load_output()</c> does: nothing is run and nothing is checked for completeness (no completion check of
    /// requirements, no logs). The task's unique id, and so its file, are those a <see cref="Build{T}"/> with the same
    /// options (and config files) would use.
    /// </summary>
    /// <exception cref="FileNotFoundException">The output does not exist (the task has not been built in this workspace); the message names the task and the file.</exception>
    /// <example>
    /// <code>
    /// Kart.Build(new Features(), options);                      // once, in some process
    /// var features = Kart.LoadOutput(new Features(), options);  // later: only the file is read
    /// </code>
    /// </example>
    public static T LoadOutput<T>(TaskOnKart<T> task, BuildOptions? options = null) =>
        LoadOutputAsync(task, options, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="LoadOutput{T}(TaskOnKart{T}, BuildOptions?)"/>.</summary>
    /// <exception cref="FileNotFoundException">The output does not exist; the message names the task and the file.</exception>
    [AsyncMethodBuilder(typeof(LeanTaskBuilder<>))]
    public static async Task<T> LoadOutputAsync<T>(TaskOnKart<T> task, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        return (T)(await LoadAsync(task, null, null, options, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Reads the output <paramref name="outputName"/> that <paramref name="task"/> declares in <c>AdditionalOutputs()</c>
    /// as <typeparamref name="TValue"/> (gokart's <c>task.output()['name'].load()</c>); nothing is run.
    /// </summary>
    /// <exception cref="TaskDefinitionException">The task declares no output of that name.</exception>
    /// <exception cref="FileNotFoundException">The output does not exist; the message names the task and the file.</exception>
    public static TValue LoadNamedOutput<TValue>(TaskOnKart task, string outputName, BuildOptions? options = null) =>
        LoadNamedOutputAsync<TValue>(task, outputName, options, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="LoadNamedOutput{TValue}(TaskOnKart, string, BuildOptions?)"/>.</summary>
    /// <exception cref="TaskDefinitionException">The task declares no output of that name.</exception>
    /// <exception cref="FileNotFoundException">The output does not exist; the message names the task and the file.</exception>
    [AsyncMethodBuilder(typeof(LeanTaskBuilder<>))]
    public static async Task<TValue> LoadNamedOutputAsync<TValue>(TaskOnKart task, string outputName, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(outputName);
        return (TValue)(await LoadAsync(task, outputName, typeof(TValue), options, cancellationToken).ConfigureAwait(false))!;
    }

    // GoKart's own builder, as Kart.BuildAsync's: the framework's Start over these state machines was JIT-compiled in
    // every fresh process (4 methods, about 0.5 ms of a first load; issue 18).
    [AsyncMethodBuilder(typeof(LeanTaskBuilder<>))]
    private static async Task<object?> LoadAsync(TaskOnKart task, string? outputName, Type? valueType, BuildOptions? options, CancellationToken cancellationToken)
    {
        var session = new BuildSession(CommandLine.BuildConfiguration.Apply(options ?? new BuildOptions(), task));
        await using (session.ConfigureAwait(false))
        {
            // As a build would: config files may fill parameters, which count in the unique id and so in the path.
            var root = TaskGraph.Build(task, session.Options.PrepareTask).Root;
            try
            {
                return await RunContext.ReadOutputAsync(session, root.Task, outputName, valueType, cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException e)
            {
                var target = outputName is null ? root.Task.OutputTarget : root.Task.AdditionalOutputTargets[outputName];
                if (await session.Store.ExistsAsync(target.Path, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }

                var what = outputName is null ? "output" : $"output '{outputName}'";
                var where = session.Store.Describe(target.Path);
                throw new FileNotFoundException(
                    $"Task '{root.Label}' has no {what} at {where}: it has not been built in this workspace (Kart.Build builds it).", where, e);
            }
        }
    }
}
