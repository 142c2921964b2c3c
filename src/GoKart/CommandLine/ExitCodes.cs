namespace GoKart.CommandLine;

/// <summary>
/// What <see cref="Kart.Run(string[], CommandLineOptions?)"/> returns. Unlike luigi, a failed build never exits 0.
/// </summary>
public static class ExitCodes
{
    /// <summary>Every task ran or was already complete (also <c>--help</c>, <c>--tree</c>, <c>--dry-run</c>).</summary>
    public const int Success = 0;

    /// <summary>At least one task failed.</summary>
    public const int TaskFailed = 1;

    /// <summary>Bad arguments or configuration: nothing ran and nothing was written.</summary>
    public const int UsageError = 2;

    /// <summary>No task failed, but the output of an <see cref="ExternalTask{T}"/> is missing.</summary>
    public const int MissingExternalData = 3;

    /// <summary>An unexpected error, or a task defined wrongly (a dependency cycle, an unknown output format, ...).</summary>
    public const int UnhandledError = 4;

    /// <summary>Interrupted (Ctrl+C); outputs of unfinished tasks were discarded.</summary>
    public const int Cancelled = 130;
}
