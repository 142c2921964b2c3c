using System.ComponentModel;

namespace GoKart.Generated;

/// <summary>
/// What the engine reads from a task class (output type, class attributes, parameters), recorded at compile time by
/// the GoKart source generator; not for use in hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TaskShape
{
    /// <summary>Creates a shape; called by generated code only.</summary>
    /// <param name="outputType">The <c>T</c> of <c>TaskOnKart&lt;T&gt;</c>.</param>
    /// <param name="options">The class's <see cref="TaskOptionsAttribute"/>, inherited from base classes as reflection finds it; null if none.</param>
    /// <param name="retry">The class's <see cref="RetryAttribute"/>, inherited as reflection finds it; null if none.</param>
    /// <param name="codeVersion">The class's own <see cref="CodeVersionAttribute"/> (not inherited); null if none.</param>
    /// <param name="parameters">The parameters in the engine's order: base class first, then declaration order.</param>
    public TaskShape(Type outputType, TaskOptionsAttribute? options, RetryAttribute? retry, CodeVersionAttribute? codeVersion, ParameterShape[] parameters)
    {
        ArgumentNullException.ThrowIfNull(outputType);
        ArgumentNullException.ThrowIfNull(parameters);
        OutputType = outputType;
        Options = options;
        Retry = retry;
        CodeVersion = codeVersion;
        Parameters = parameters;
    }

    /// <summary>The <c>T</c> of <c>TaskOnKart&lt;T&gt;</c>.</summary>
    public Type OutputType { get; }

    /// <summary>The class's task options; null if none.</summary>
    public TaskOptionsAttribute? Options { get; }

    /// <summary>The class's retry policy; null if none.</summary>
    public RetryAttribute? Retry { get; }

    /// <summary>The class's own code version; null if none.</summary>
    public CodeVersionAttribute? CodeVersion { get; }

    /// <summary>The parameters, base class first, then declaration order; not to be modified.</summary>
#pragma warning disable CA1819 // Handed from generated code to the engine once; an array keeps System.Collections.Immutable out of a fresh process.
    public ParameterShape[] Parameters { get; }
#pragma warning restore CA1819
}
