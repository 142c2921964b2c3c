using GoKart.Ui.Live;

namespace GoKart.Ui;

/// <summary>What the endpoints read: the runs, the build journals, the experiments folder, the clock.</summary>
internal sealed record UiContext(RunsSource Runs, BuildJournals Builds, string? ExperimentsDirectory, TimeProvider Time);
