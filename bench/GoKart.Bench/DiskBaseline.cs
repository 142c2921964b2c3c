namespace GoKart.Bench;

/// <summary>
/// What the disk alone costs for a cold build's files: a plain loop that creates the same number of small files
/// in six folders the way the local store does (the output: temporary name, write, close, rename; the five logs:
/// written in place), with no engine around it. Measured right before each engine run, so a slow moment of the
/// disk shows in both rows.
/// </summary>
internal static class DiskBaseline
{
    private static readonly string[] Folders =
        ["out", "log/module_versions", "log/processing_time", "log/random_seed", "log/task_log", "log/task_params"];

    public static void Write(string workspace, int tasks)
    {
        var payload = new byte[120];
        foreach (var folder in Folders)
        {
            Directory.CreateDirectory(Path.Combine(workspace, folder));
        }

        for (var i = 0; i < tasks; i++)
        {
            var name = $"Task_{i:x32}.json";
            foreach (var folder in Folders)
            {
                var final = Path.Combine(workspace, folder, name);
                var output = folder == Folders[0];
                var path = output ? Path.Combine(workspace, folder, "." + name + ".tmp") : final;
                using (var stream = new FileStream(path, output ? FileMode.CreateNew : FileMode.Create, FileAccess.Write, FileShare.None, 0))
                {
                    stream.Write(payload);
                }

                if (output)
                {
                    File.Move(path, final);
                }
            }
        }
    }
}
