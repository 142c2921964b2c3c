using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GoKart.Experiments.Recording;

namespace GoKart.Experiments;

/// <summary>Reads every experiment folder of an experiments directory; unreadable folders are reported, not fatal.</summary>
public sealed class ExperimentCatalog
{
    private ExperimentCatalog(IReadOnlyList<ExperimentRecord> experiments, IReadOnlyList<string> problems)
    {
        Experiments = experiments;
        Problems = problems;
    }

    /// <summary>The readable experiments, integer ids in numeric order first, then other ids by name.</summary>
    public IReadOnlyList<ExperimentRecord> Experiments { get; }

    /// <summary>One line per folder that could not be read, naming the folder and the reason.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads <paramref name="experimentsDirectory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static ExperimentCatalog Load(string experimentsDirectory)
    {
        ArgumentNullException.ThrowIfNull(experimentsDirectory);
        if (!System.IO.Directory.Exists(experimentsDirectory))
        {
            throw new DirectoryNotFoundException($"Experiments directory '{experimentsDirectory}' does not exist.");
        }

        var experiments = new List<ExperimentRecord>();
        var problems = new List<string>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(experimentsDirectory))
        {
            if (Path.GetFileName(folder).StartsWith('.'))
            {
                continue;
            }

            try
            {
                experiments.Add(Read(folder));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
            {
                problems.Add($"{folder}: {e.Message}");
            }
        }

        experiments.Sort(CompareIds);
        return new ExperimentCatalog(experiments, problems);
    }

    /// <summary>Reads one experiment folder.</summary>
    public static ExperimentRecord Read(string folder)
    {
        var statusPath = Path.Combine(folder, ExperimentFiles.Status);
        if (!File.Exists(statusPath))
        {
            throw new FileNotFoundException($"no {ExperimentFiles.Status} file, not an experiment folder");
        }

        var statusLines = File.ReadAllText(statusPath).Split('\n', 3);
        var metadata = JsonValues.ReadObject(Path.Combine(folder, ExperimentFiles.Metadata));
        var status = statusLines[0].Trim();
        var start = Time(metadata[Metadata.StartTime]);
        var lastStart = metadata[Metadata.ResumeTimes] is JsonArray { Count: > 0 } resumes ? Time(resumes[^1]) : start;
        if (status == ExperimentStatus.Running && IsDead(metadata, lastStart))
        {
            status = ExperimentStatus.Dead;
        }

        return new ExperimentRecord
        {
            Id = Path.GetFileName(folder),
            Directory = Path.GetFullPath(folder),
            Sha = metadata[Metadata.Sha]?.GetValue<string>(),
            Description = metadata[Metadata.Description]?.GetValue<string>(),
            StartTime = start,
            EndTime = Time(metadata[Metadata.EndTime]),
            Status = status,
            StatusMessage = statusLines.Length > 1 ? statusLines[1].Trim() : "",
            Args = JsonValues.ReadObject(Path.Combine(folder, ExperimentFiles.Args)),
            DefaultArgs = JsonValues.ReadObject(Path.Combine(folder, ExperimentFiles.DefaultArgs)),
            Summary = JsonValues.ReadObject(Path.Combine(folder, ExperimentFiles.Summary)),
        };
    }

    /// <summary>
    /// A RUNNING experiment of this host is dead when its pid is gone, or the pid now belongs to a process
    /// started after the experiment (the pid was reused). Other hosts cannot be checked and stay RUNNING.
    /// </summary>
    private static bool IsDead(JsonObject metadata, DateTimeOffset? started)
    {
        if (metadata[Metadata.Host]?.GetValue<string>() != Environment.MachineName || metadata[Metadata.Pid] is not JsonValue pidValue)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pidValue.GetValue<int>());
            if (process.HasExited)
            {
                return true;
            }

            return started is { } s && process.StartTime.ToUniversalTime() > s.UtcDateTime.AddSeconds(2);
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static DateTimeOffset? Time(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text)
           && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static int CompareIds(ExperimentRecord a, ExperimentRecord b)
    {
        var aNumber = int.TryParse(a.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var x);
        var bNumber = int.TryParse(b.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var y);
        return (aNumber, bNumber) switch
        {
            (true, true) => x.CompareTo(y),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a.Id, b.Id),
        };
    }
}
