using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart;

/// <summary>
/// A pipeline step whose output is a <typeparamref name="T"/>. Parameters are public properties with
/// <c>init</c> (or <c>set</c>); <c>Run</c> returns the output, which is saved in the workspace under a
/// name carrying the unique id, so a second build reuses it.
/// </summary>
/// <typeparam name="T">The output type; the output target's extension picks how it is stored.</typeparam>
/// <example>
/// <code>
/// public sealed class Example : TaskOnKart&lt;string&gt;
/// {
///     protected override string Run() =&gt; "Hello, world!";
/// }
///
/// var output = Kart.Build(new Example());   // "Hello, world!"
/// </code>
/// </example>
public abstract class TaskOnKart<T> : TaskOnKart
{
    /// <summary>Computes the output. Override this or <see cref="RunAsync"/>.</summary>
    protected virtual T Run() =>
        throw new TaskDefinitionException(Descriptor.ClassName, $"Task '{Descriptor.ClassName}' overrides neither Run() nor RunAsync(CancellationToken).");

    /// <summary>Computes the output asynchronously. The default calls <see cref="Run"/>.</summary>
    protected virtual Task<T> RunAsync(CancellationToken cancellationToken) => Task.FromResult(Run());

    /// <summary>
    /// luigi's <c>on_success</c>: called after the output has been written, with it. If it throws, the exception is
    /// logged and the task still succeeded.
    /// </summary>
    /// <param name="output">What <see cref="Run"/> returned.</param>
    protected virtual void OnSuccess(T output)
    {
    }

    internal sealed override void InvokeOnSuccess(object? output) => OnSuccess((T)output!);

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    internal sealed override async ValueTask<object?> RunBoxedAsync(CancellationToken cancellationToken) =>
        await RunAsync(cancellationToken).ConfigureAwait(false);
}
