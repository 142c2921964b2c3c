using GoKart.Execution;

namespace GoKart;

/// <summary>The seam GoKart.Testing uses to stand given values in for a task's requirements.</summary>
public static partial class Kart
{
    /// <summary>
    /// Writes each given value as the output of its task (through the task's format), after checking that the given
    /// tasks are exactly the direct requirements of <paramref name="task"/>.
    /// </summary>
    internal static async Task PrepareInputsAsync(
        TaskOnKart task, IReadOnlyList<(TaskOnKart Task, object? Value, Type Type)> inputs, BuildOptions options, CancellationToken cancellationToken)
    {
        var session = new BuildSession(options);
        var graph = TaskGraph.Build(task, session.Options.PrepareTask);
        var required = graph.Root.Dependencies.DistinctBy(d => d.Id).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (input, _, _) in inputs)
        {
            if (!required.ContainsKey(input.UniqueId))
            {
                throw new ArgumentException(
                    $"{input.Descriptor.ClassName}[{input.UniqueId}] is not a requirement of {graph.Root.Label}; its requirements are: "
                    + string.Join(", ", required.Values.Select(r => r.Label)) + ".", nameof(inputs));
            }

            given.Add(input.UniqueId);
        }

        var missing = required.Values.Where(r => !given.Contains(r.Id)).Select(r => r.Label).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"{graph.Root.Label} requires {string.Join(", ", missing)}, for which no input value was given (TaskInput.For(task, value)).", nameof(inputs));
        }

        foreach (var (input, value, type) in inputs)
        {
            var write = await TaskRunner.WriteAsync(session, input.OutputTarget, value, type, cancellationToken).ConfigureAwait(false);
            await using (write.ConfigureAwait(false))
            {
                await write.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
