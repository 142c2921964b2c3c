using GoKart.Execution;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart;

/// <summary>Entry points: build a task (and whatever it needs that is missing) and get its output.</summary>
/// <example>
/// <code>
/// var output = Kart.Build(new Example());
/// var model = await Kart.BuildAsync(new Train { Epochs = 3 }, new BuildOptions { Workers = 4 }, ct);
/// </code>
/// </example>
public static partial class Kart
{
    /// <summary>
    /// Runs every missing task the root needs, in parallel up to <see cref="BuildOptions.Workers"/>, and
    /// returns the root's output. Throws <see cref="GoKartBuildException"/> after independent branches
    /// finish when a task failed.
    /// </summary>
    public static T Build<T>(TaskOnKart<T> task, BuildOptions? options = null) =>
        BuildAsync(task, options, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Build{T}"/>; cancellation stops scheduling and leaves no partial outputs.</summary>
    [AsyncMethodBuilder(typeof(LeanTaskBuilder<>))]
    public static async Task<T> BuildAsync<T>(TaskOnKart<T> task, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var report = await ExecuteAsync(task, options, cancellationToken).ConfigureAwait(false);
        report.ThrowIfFailed();
        return (T)report.RootOutput!;
    }

    /// <summary>Builds and returns the full report (statuses of every task) instead of throwing on failure.</summary>
    [AsyncMethodBuilder(typeof(LeanTaskBuilder<>))]
    public static async Task<BuildReport> ExecuteAsync(TaskOnKart task, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var session = new BuildSession(CommandLine.BuildConfiguration.Apply(options ?? new BuildOptions(), task));
        await using (session.ConfigureAwait(false))
        {
            return await new BuildEngine(session).RunAsync(task, cancellationToken).ConfigureAwait(false);
        }
    }
}
