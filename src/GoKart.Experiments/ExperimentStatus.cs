namespace GoKart.Experiments;

/// <summary>The words written on the first line of an experiment's <c>STATUS</c> file.</summary>
public static class ExperimentStatus
{
    /// <summary>The program is running (or died without a chance to say otherwise).</summary>
    public const string Running = "RUNNING";

    /// <summary>The program ended normally with exit code 0.</summary>
    public const string Success = "SUCCESS";

    /// <summary>The program threw an unhandled exception or exited with a non-zero code; the lines below say which.</summary>
    public const string Error = "ERROR";

    /// <summary>Shown by listings (never written) for a RUNNING experiment whose process no longer exists on this host.</summary>
    public const string Dead = "DEAD";
}
