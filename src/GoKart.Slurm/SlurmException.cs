namespace GoKart.Slurm;

/// <summary>Slurm refused or failed a request (sbatch, squeue, ...), or the setup cannot work (workspace, log folder).</summary>
public sealed class SlurmException : GoKartException
{
    /// <summary>Creates the exception.</summary>
    public SlurmException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SlurmException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SlurmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
