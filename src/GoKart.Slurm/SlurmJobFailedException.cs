namespace GoKart.Slurm;

/// <summary>A task's Slurm job failed: the job id, its state, where its output went, the end of its stderr.</summary>
public sealed class SlurmJobFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SlurmJobFailedException(string jobId, string state, string stdoutPath, string stderrPath, string stderrTail)
        : base($"Slurm job {jobId} {state}. stdout: {stdoutPath}; stderr: {stderrPath}" + (stderrTail.Length > 0 ? $"; stderr ends:{Environment.NewLine}{stderrTail}" : string.Empty))
    {
        JobId = jobId;
        State = state;
        StdoutPath = stdoutPath;
        StderrPath = stderrPath;
        StderrTail = stderrTail;
    }

    /// <summary>Creates the exception.</summary>
    public SlurmJobFailedException()
        : this(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SlurmJobFailedException(string message)
        : base(message)
    {
        (JobId, State, StdoutPath, StderrPath, StderrTail) = (string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
    }

    /// <summary>Creates the exception.</summary>
    public SlurmJobFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        (JobId, State, StdoutPath, StderrPath, StderrTail) = (string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
    }

    /// <summary>The Slurm job id.</summary>
    public string JobId { get; }

    /// <summary>The job's final state (FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, ... with the exit code).</summary>
    public string State { get; }

    /// <summary>The job's stdout file.</summary>
    public string StdoutPath { get; }

    /// <summary>The job's stderr file.</summary>
    public string StderrPath { get; }

    /// <summary>The last lines of the job's stderr.</summary>
    public string StderrTail { get; }
}
