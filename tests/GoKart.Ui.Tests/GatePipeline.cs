namespace GoKart.Ui.Tests;

/// <summary>A task that finishes only once the file <see cref="Signal"/> exists (the test creates it), bounded to 2 minutes.</summary>
public sealed class Gate : TaskOnKart<int>
{
    public string Signal { get; init; } = "";

    protected override int Run()
    {
        var folder = Path.GetDirectoryName(Signal)!;
        using var watcher = new FileSystemWatcher(folder, Path.GetFileName(Signal)) { EnableRaisingEvents = true };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(Signal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"signal file {Signal} did not appear within 2 minutes");
            }

            // Wakes on the file's creation; the short timeout only re-checks in case the event came before the watch.
            watcher.WaitForChanged(WatcherChangeTypes.Created | WatcherChangeTypes.Renamed, 1000);
        }

        return 1;
    }
}

public sealed class Quick : TaskOnKart<int>
{
    protected override int Run() => 2;
}

public sealed class GateRoot : TaskOnKart<int>
{
    public required TaskOnKart<int> Gate { get; init; }

    public required TaskOnKart<int> Quick { get; init; }

    protected override int Run() => Load(Gate) + Load(Quick);
}
