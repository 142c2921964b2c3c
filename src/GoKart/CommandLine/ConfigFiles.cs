namespace GoKart.CommandLine;

/// <summary>
/// Finds and reads the config files of a run: those given with <c>--config</c> (in order, later ones
/// winning) if any; otherwise <c>GOKART_CONFIG_PATH</c> (a list separated by the platform's path
/// separator) if set; otherwise <c>luigi.cfg</c> then <c>gokart.ini</c> in the working directory, when they exist.
/// </summary>
internal static class ConfigFiles
{
    public const string EnvironmentVariable = "GOKART_CONFIG_PATH";

    private static readonly string[] DefaultFiles = ["luigi.cfg", "gokart.ini"];

    /// <summary>
    /// True when a run has no config file to read: none given, <c>GOKART_CONFIG_PATH</c> unset or empty, and neither
    /// default file in the working directory. Asked without the working directory's path or LINQ, which
    /// <see cref="Load"/> uses and which cost a fresh process's first build or load about 4 ms (issue 18).
    /// </summary>
    public static bool NoneToRead(IReadOnlyList<string> explicitFiles, Func<string, string?> getEnvironmentVariable)
    {
        if (explicitFiles.Count > 0 || getEnvironmentVariable(EnvironmentVariable) is { Length: > 0 })
        {
            return false;
        }

        foreach (var file in DefaultFiles)
        {
            if (Storage.PathProbe.MayExist(file))
            {
                return false;
            }
        }

        return true;
    }

    public static IReadOnlyList<IniFile> Load(IReadOnlyList<string> explicitFiles, string workingDirectory, Func<string, string?> getEnvironmentVariable)
    {
        if (explicitFiles.Count > 0)
        {
            return [.. explicitFiles.Select(f => IniFile.Load(Path.Combine(workingDirectory, f), f))];
        }

        if (getEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return [.. fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => IniFile.Load(Path.Combine(workingDirectory, f), f))];
        }

        return [.. DefaultFiles
            .Where(f => File.Exists(Path.Combine(workingDirectory, f)))
            .Select(f => IniFile.Load(Path.Combine(workingDirectory, f), f))];
    }
}
