namespace GoKart.Viewer;

/// <summary>Reads <c>log/&lt;kind&gt;/&lt;ClassName&gt;_&lt;id&gt;.&lt;ext&gt;</c>, the layout every run log follows.</summary>
internal static class LogFileName
{
    public const string Root = "log/";
    public const string ModuleVersions = "module_versions";
    public const string ProcessingTime = "processing_time";
    public const string RandomSeed = "random_seed";
    public const string TaskLog = "task_log";
    public const string TaskParams = "task_params";

    /// <summary>Every log kind, in path order (bit i of <see cref="TaskRun.LogMask"/> is kind i).</summary>
    public static readonly string[] All = [ModuleVersions, ProcessingTime, RandomSeed, TaskLog, TaskParams];

    /// <summary>The log kinds the listing parses, in a fixed order (the cache stamp follows it).</summary>
    public static readonly string[] Parsed = [ProcessingTime, RandomSeed, TaskLog, TaskParams];

    /// <summary>Index of <see cref="TaskLog"/> in <see cref="All"/>.</summary>
    public const int TaskLogIndex = 3;

    public static string PathOf(int kind, string taskName, string id) => PathOf(All[kind], taskName, id);

    public static string PathOf(string kind, string taskName, string id) =>
        $"{Root}{kind}/{taskName}_{id}.{(kind == ModuleVersions ? "txt" : "json")}";

    /// <summary>Splits a path under log/ into kind, class name and id; false (with the reason) for a foreign file.</summary>
    public static bool TryParse(string path, out string kind, out string taskName, out string id, out string reason)
    {
        kind = taskName = id = reason = string.Empty;
        var rest = path.AsSpan(Root.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || rest[(slash + 1)..].Contains('/'))
        {
            reason = "not a run log (expected log/<kind>/<Task>_<id>.<ext>)";
            return false;
        }

        var index = -1;
        for (var i = 0; i < All.Length && index < 0; i++)
        {
            index = rest[..slash].SequenceEqual(All[i]) ? i : -1;
        }

        if (index < 0)
        {
            reason = $"unknown log kind '{rest[..slash]}'";
            return false;
        }

        kind = All[index];
        if (!TryParseName(index, rest[(slash + 1)..], out var underscore, out var dot, out reason))
        {
            return false;
        }

        var file = rest[(slash + 1)..];
        taskName = file[..underscore].ToString();
        id = file[(underscore + 1)..dot].ToString();
        return true;
    }

    /// <summary>Checks a file name in the folder of kind index <paramref name="kind"/>: <c>&lt;Task&gt;_&lt;32 hex id&gt;.&lt;ext&gt;</c>.</summary>
    public static bool TryParseName(int kind, ReadOnlySpan<char> file, out int underscore, out int dot, out string reason)
    {
        reason = string.Empty;
        var expectedExtension = kind == 0 ? ".txt" : ".json";
        dot = file.LastIndexOf('.');
        underscore = dot < 0 ? -1 : file[..dot].LastIndexOf('_');
        if (dot < 0 || !file[dot..].SequenceEqual(expectedExtension) || underscore <= 0 || dot - underscore - 1 != 32 || !IsHex(file[(underscore + 1)..dot]))
        {
            reason = $"not a run log name (expected <Task>_<32 hex id>{expectedExtension})";
            return false;
        }

        return true;
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
