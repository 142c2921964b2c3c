using System.Globalization;

namespace GoKart.Experiments.Recording;

/// <summary>Allocates experiment folders so that concurrent processes never share one.</summary>
internal static class ExperimentIds
{
    private const int MaxAttempts = 1000;

    /// <summary>True for ids usable as one folder name.</summary>
    public static bool IsValid(string id)
        => id.Length > 0 && id != "." && id != ".." && !id.StartsWith('.')
           && id.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && id.IndexOfAny(['/', '\\']) < 0;

    /// <summary>The largest integer id among the folders of <paramref name="experimentsDirectory"/>, 0 if none.</summary>
    public static int LargestExisting(string experimentsDirectory)
    {
        var largest = 0;
        foreach (var folder in Directory.EnumerateDirectories(experimentsDirectory))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > largest)
            {
                largest = id;
            }
        }

        return largest;
    }

    /// <summary>
    /// Creates the folder for the next integer id, already holding <paramref name="initialStatus"/> as its STATUS file.
    /// </summary>
    /// <remarks>
    /// A folder is prepared under a unique temporary name and renamed into place. Renaming a directory onto an
    /// existing non-empty one fails on every platform, so the rename is the exclusive "create" that
    /// <see cref="Directory.CreateDirectory(string)"/> is not; a loser retries with the next id.
    /// </remarks>
    public static (string Id, string Path) CreateNext(string experimentsDirectory, string initialStatus)
    {
        var staging = Path.Combine(experimentsDirectory, ".new-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, ExperimentFiles.Status), initialStatus);
        try
        {
            var candidate = LargestExisting(experimentsDirectory) + 1;
            for (var attempt = 0; attempt < MaxAttempts; attempt++, candidate++)
            {
                var id = candidate.ToString(CultureInfo.InvariantCulture);
                var target = Path.Combine(experimentsDirectory, id);
                if (Directory.Exists(target))
                {
                    continue;
                }

                try
                {
                    Directory.Move(staging, target);
                    return (id, target);
                }
                catch (IOException) when (Directory.Exists(target))
                {
                    // Another process took this id between the check and the rename.
                }
            }

            throw new ExperimentException($"Could not allocate an experiment id in '{experimentsDirectory}' after {MaxAttempts} attempts.");
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
