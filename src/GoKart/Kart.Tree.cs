using GoKart.Execution;

namespace GoKart;

/// <summary>Looking at a pipeline without running it: gokart's tree info and a dry run.</summary>
public static partial class Kart
{
    /// <summary>
    /// The dependency tree of <paramref name="task"/> in gokart's format, one task per line:
    /// <c>└─-(PENDING) Name[id]</c>, children indented under <c>|--</c>/<c>└─-</c>, a subtree already shown
    /// abbreviated to <c>└─- ...</c>. With <paramref name="details"/> each line adds its parameters, output
    /// paths, processing time (from <c>log/processing_time</c>) and task log. Unlike gokart's
    /// <c>make_task_info_as_tree_str</c>, the text has no leading newline.
    /// </summary>
    /// <example>
    /// <code>
    /// Console.WriteLine(Kart.TreeInfo(new Report(), new BuildOptions { Workspace = "out" }));
    /// </code>
    /// </example>
    public static string TreeInfo(TaskOnKart task, BuildOptions? options = null, bool details = false) =>
        TreeInfoAsync(task, options, details, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="TreeInfo"/>.</summary>
    public static async Task<string> TreeInfoAsync(TaskOnKart task, BuildOptions? options = null, bool details = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var session = new BuildSession(CommandLine.BuildConfiguration.Apply(options ?? new BuildOptions(), task));
        await using (session.ConfigureAwait(false))
        {
            var graph = TaskGraph.Build(task, session.Options.PrepareTask);
            return await TreeRenderer.RenderAsync(session, graph, details, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The tasks a build of <paramref name="task"/> would run, requirements first; nothing is run or written.</summary>
    public static IReadOnlyList<PlannedTask> DryRun(TaskOnKart task, BuildOptions? options = null) =>
        DryRunAsync(task, options, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="DryRun"/>.</summary>
    public static async Task<IReadOnlyList<PlannedTask>> DryRunAsync(TaskOnKart task, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var session = new BuildSession(CommandLine.BuildConfiguration.Apply(options ?? new BuildOptions(), task));
        await using (session.ConfigureAwait(false))
        {
            var graph = TaskGraph.Build(task, session.Options.PrepareTask);
            var scheduled = await new BuildPlanner(session).PlanAsync(graph, cancellationToken).ConfigureAwait(false);
            return [.. scheduled.Select(n => new PlannedTask(
                n.Name, n.Id, n.Task.ToString(), session.Store.Describe(n.Task.OutputTarget.Path), IsExternal(n.Task.GetType())))];
        }
    }

    internal static bool IsExternal(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ExternalTask<>))
            {
                return true;
            }
        }

        return false;
    }
}
