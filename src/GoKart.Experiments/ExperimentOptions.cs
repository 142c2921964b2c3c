namespace GoKart.Experiments;

/// <summary>How an experiment is recorded: the values of the experiment command-line options, as data.</summary>
public sealed class ExperimentOptions
{
    /// <summary>A directory inside the git repository of the program; defaults to the current directory.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>Where experiment folders go; relative paths are relative to <see cref="ProjectDirectory"/>. Defaults to <c>experiments</c>.</summary>
    public string? ExperimentsDirectory { get; init; }

    /// <summary>An explicit id: an existing experiment with this id is resumed, otherwise a new one gets it. Null allocates the next integer.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>A free-text description stored in <c>metadata.json</c>.</summary>
    public string Description { get; init; } = "";

    /// <summary>Run without recording anything (no git checks, no folder, no output capture).</summary>
    public bool NoRecord { get; init; }

    /// <summary>Record even if tracked files have uncommitted changes; the diff is saved as <c>uncommitted.patch</c>.</summary>
    public bool AllowDirty { get; init; }

    /// <summary>Tee <see cref="Console.Out"/> and <see cref="Console.Error"/> into the experiment's <c>stdout</c> and <c>stderr</c> files. Defaults to true.</summary>
    public bool CaptureConsole { get; init; } = true;

    /// <summary>The command line stored in <c>metadata.json</c>; defaults to <see cref="Environment.GetCommandLineArgs"/>.</summary>
    public IReadOnlyList<string>? CommandLine { get; init; }

    /// <summary>The clock for start and end times; defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
