using System.Diagnostics.CodeAnalysis;
using GoKart.Descriptors;
using GoKart.Execution;
using GoKart.Hashing;
using Microsoft.Extensions.Logging;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart;

/// <summary>
/// The non-generic base of every task. Derive from <see cref="TaskOnKart{T}"/>; this type exists so that
/// requirements and inputs of any output type can be handled together.
/// </summary>
[DynamicallyAccessedMembers(TaskOnKart.ReflectedMembers)]
public abstract partial class TaskOnKart
{
    // Parameters, Run overrides and constructors of a task class are found by reflection (TaskDescriptor, the command
    // line; a class the source generator recorded skips it for parameters): the class's annotation makes the trimmer and
    // the Native AOT compiler keep them on every class deriving from it.
    internal const DynamicallyAccessedMemberTypes ReflectedMembers = DynamicallyAccessedMemberTypes.PublicConstructors
        | DynamicallyAccessedMemberTypes.NonPublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties
        | DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods;

    private static readonly IReadOnlyDictionary<string, Target> NoOutputs = new Dictionary<string, Target>();
    private TaskDescriptor? _descriptor;
    private Target? _output;
    private IReadOnlyDictionary<string, Target>? _additionalOutputs;

    private protected TaskOnKart()
    {
    }

    /// <summary>
    /// 32 lower-case hex characters identifying this task and its parameters; gokart's id for tasks with
    /// scalar, list and dictionary parameters. Computing it runs <see cref="Requires"/> (not the tasks).
    /// Parameters must not change once it has been read.
    /// </summary>
    public string UniqueId => CachedUniqueId ??= TaskGraph.ComputeUniqueId(this);

    internal string? CachedUniqueId { get; set; }

    internal TaskDescriptor Descriptor => _descriptor ??= TaskDescriptor.For(GetType());

    internal RunContext? Context { get; set; }

    /// <summary>The output of the task (its <c>T</c>); computed once.</summary>
    internal Target OutputTarget => _output ??= Output();

    internal IReadOnlyDictionary<string, Target> AdditionalOutputTargets => _additionalOutputs ??= AdditionalOutputs();

    /// <summary>The current task's logger, valid while it runs; what it logs goes to the task_log file too.</summary>
    protected ILogger Logger => RequireContext().Logger;

    /// <summary>A random generator seeded from the unique id (or <see cref="GetRandomSeed"/>), recorded in random_seed.</summary>
    protected Random Random => RequireContext().Random;

    /// <summary>
    /// The tasks this one needs. By default: every task instance parameter, by property name. Override to
    /// return others: <c>[A, B]</c> or <c>new() { ["train"] = A }</c>.
    /// </summary>
    protected virtual Dependencies Requires()
    {
        var dependencies = new Dependencies();
        foreach (var parameter in Descriptor.TaskParameters)
        {
            switch (parameter.GetValue(this))
            {
                case null:
                    break;
                case TaskOnKart task:
                    dependencies.Add(parameter.Name, task);
                    break;
                case IEnumerable<TaskOnKart> tasks:
                    dependencies.Add(parameter.Name, tasks);
                    break;
            }
        }

        return dependencies;
    }

    /// <summary>The main output. Default: <c>MakeTarget("&lt;namespace path&gt;/&lt;ClassName&gt;.json")</c>.</summary>
    protected virtual Target Output() => MakeTarget($"{Descriptor.Directory}/{Descriptor.ClassName}.json");

    /// <summary>Further named outputs (gokart's dict outputs), written with <see cref="Dump{TValue}"/> during <c>Run</c>.</summary>
    protected virtual IReadOnlyDictionary<string, Target> AdditionalOutputs() => NoOutputs;

    /// <summary>The seed of <see cref="Random"/>; null (the default) derives it from the unique id as gokart does.</summary>
    protected virtual int? GetRandomSeed() => null;

    /// <summary>
    /// luigi's <c>on_failure</c>: called once after the task failed for good (after any retries), with the exception.
    /// What it returns is added to the failure's message (<see cref="TaskFailure.Explanation"/>). If it throws, the
    /// exception is logged and the failure is reported as it was.
    /// </summary>
    /// <param name="exception">Why the last attempt failed.</param>
    /// <returns>Text for the failure message, or null (the default) for none.</returns>
    protected virtual string? OnFailure(Exception exception) => null;

    internal string? InvokeOnFailure(Exception exception) => OnFailure(exception);

    internal abstract void InvokeOnSuccess(object? output);

    /// <summary>
    /// A target in the workspace. With <paramref name="useUniqueId"/> the unique id goes before the
    /// extension: <c>data/features.csv</c> becomes <c>data/features_&lt;id&gt;.csv</c> (and
    /// <c>a.csv.gz</c> becomes <c>a_&lt;id&gt;.csv.gz</c>).
    /// </summary>
    protected Target MakeTarget(string relativePath, bool useUniqueId = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        var path = relativePath.Replace('\\', '/').TrimStart('/');
        return new Target(useUniqueId ? TargetPaths.InsertUniqueId(path, UniqueId) : path);
    }

    /// <summary>The output of a required task, read from the workspace.</summary>
    protected TOut Load<TOut>(TaskOnKart<TOut> task) => (TOut)RequireContext().Load(task)!;

    /// <summary>The output of a required task, read asynchronously.</summary>
    [AsyncMethodBuilder(typeof(LeanTaskBuilder<>))]
    protected async Task<TOut> LoadAsync<TOut>(TaskOnKart<TOut> task, CancellationToken cancellationToken = default) =>
        (TOut)(await RequireContext().LoadAsync(task, null, null, cancellationToken).ConfigureAwait(false))!;

    /// <summary>The outputs of several required tasks, in order.</summary>
    protected IReadOnlyList<TOut> Load<TOut>(IEnumerable<TaskOnKart<TOut>> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var context = RequireContext();
        return [.. tasks.Select(t => (TOut)context.Load(t)!)];
    }

    /// <summary>A named additional output of a required task.</summary>
    protected TValue Load<TValue>(TaskOnKart task, string outputName)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputName);
        return (TValue)RequireContext().Load(task, outputName, typeof(TValue))!;
    }

    /// <summary>
    /// Every input in the shape of <see cref="Requires"/>: a list for a list, or a dictionary from name to
    /// output (a list for a named list) for named requirements.
    /// </summary>
    protected object? Load() => RequireContext().LoadAll();

    /// <summary>Writes a named additional output; it becomes visible when the task succeeds.</summary>
    protected void Dump<TValue>(string outputName, TValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputName);
        RequireContext().Dump(outputName, value, typeof(TValue));
    }

    /// <summary>luigi's task repr: <c>Name(param=value, ...)</c>.</summary>
    public override string ToString()
    {
        var parameters = Descriptor.Parameters.Select(p => $"{p.SnakeName}={Describe(p)}");
        return $"{Descriptor.ClassName}({string.Join(", ", parameters)})";
    }

    internal Dependencies GetRequires() => Requires();

    internal int? GetSeedOverride() => GetRandomSeed();

    internal abstract ValueTask<object?> RunBoxedAsync(CancellationToken cancellationToken);

    private string Describe(ParameterDescriptor parameter)
    {
        var value = parameter.GetValue(this);
        return value switch
        {
            TaskOnKart task => task.Descriptor.ClassName + "[" + task.UniqueId + "]",
            IEnumerable<TaskOnKart> tasks => "[" + string.Join(", ", tasks.Select(t => t.Descriptor.ClassName + "[" + t.UniqueId + "]")) + "]",
            _ => LuigiSerializer.Serialize(value, parameter.Type),
        };
    }

    private RunContext RequireContext() =>
        Context ?? throw new InvalidOperationException(
            $"{Descriptor.ClassName}: Load, Dump, Logger and Random are available only while the task runs (inside Run/RunAsync).");
}
