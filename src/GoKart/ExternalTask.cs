namespace GoKart;

/// <summary>
/// Data made outside the pipeline (luigi's <c>ExternalTask</c>): it never runs, its output is expected to
/// exist. When the output is missing, the build fails with <see cref="MissingExternalDataException"/> and
/// the command line exits with <see cref="CommandLine.ExitCodes.MissingExternalData"/>.
/// </summary>
/// <typeparam name="T">The type the data loads as.</typeparam>
/// <example>
/// <code>
/// public sealed class RawClicks : ExternalTask&lt;string&gt;
/// {
///     protected override Target Output() =&gt; MakeTarget("raw/clicks.txt", useUniqueId: false);
/// }
/// </code>
/// </example>
public abstract class ExternalTask<T> : TaskOnKart<T>
{
    /// <summary>Always fails: external data is never produced by the pipeline.</summary>
    protected sealed override Task<T> RunAsync(CancellationToken cancellationToken) =>
        throw new MissingExternalDataException(Descriptor.ClassName, OutputTarget.Path);
}
