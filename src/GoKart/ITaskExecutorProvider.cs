namespace GoKart;

/// <summary>
/// Makes an executor for <c>--executor NAME</c> on the command line, from the config files' <c>[NAME]</c> and
/// <c>[NAME.TaskName]</c> sections. Found in <see cref="CommandLine.CommandLineOptions.ExecutorProviders"/>, or
/// in an assembly <c>GoKart.NAME.dll</c> beside the program.
/// </summary>
public interface ITaskExecutorProvider
{
    /// <summary>The name after <c>--executor</c>, lowercase (e.g. <c>slurm</c>).</summary>
    string Name { get; }

    /// <summary>Creates the executor for one command-line run.</summary>
    ITaskExecutor Create(ExecutorConfiguration configuration);
}
