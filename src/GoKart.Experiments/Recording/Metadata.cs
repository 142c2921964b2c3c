using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace GoKart.Experiments.Recording;

/// <summary>Builds and updates the <c>metadata.json</c> object: code state, times, command and machine.</summary>
internal static class Metadata
{
    public const string Sha = "githead-sha";
    public const string Message = "githead-message";
    public const string Description = "description";
    public const string StartTime = "start-time";
    public const string EndTime = "end-time";
    public const string ResumeTimes = "resume-times";
    public const string Command = "command";
    public const string Pid = "pid";
    public const string Host = "host";
    public const string ProjectDirectory = "project-directory";
    public const string Dirty = "uncommitted-changes";

    public static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    public static JsonObject Create(CodeState code, string description, DateTimeOffset start, IReadOnlyList<string> command, string projectDirectory)
    {
        var metadata = new JsonObject
        {
            [Sha] = code.Sha,
            [Message] = code.Message,
            [Dirty] = code.Dirty,
            [Description] = description,
            [StartTime] = Format(start),
            [EndTime] = null,
            [Command] = new JsonArray(command.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            [ProjectDirectory] = projectDirectory,
        };
        AddMachine(metadata);
        return metadata;
    }

    public static void MarkResumed(JsonObject metadata, DateTimeOffset start, IReadOnlyList<string> command)
    {
        if (metadata[ResumeTimes] is not JsonArray resumes)
        {
            resumes = [];
            metadata[ResumeTimes] = resumes;
        }

        resumes.Add(Format(start));
        metadata[EndTime] = null;
        metadata[Command] = new JsonArray(command.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        AddMachine(metadata);
    }

    private static void AddMachine(JsonObject metadata)
    {
        metadata[Pid] = Environment.ProcessId;
        metadata[Host] = Environment.MachineName;
        metadata["user"] = Environment.UserName;
        metadata["os"] = RuntimeInformation.OSDescription;
        metadata["dotnet"] = RuntimeInformation.FrameworkDescription;
        metadata["packages"] = Packages();
    }

    /// <summary>Name and version of each loaded assembly that is not part of the .NET runtime itself.</summary>
    private static JsonObject Packages()
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var packages = new JsonObject();
        var assemblies = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0 && !a.Location.StartsWith(runtimeDirectory, StringComparison.Ordinal))
            .Select(a => (Name: a.GetName().Name ?? "", Version: VersionOf(a)))
            .Where(a => a.Name.Length > 0)
            .OrderBy(a => a.Name, StringComparer.Ordinal);
        foreach (var (name, version) in assemblies)
        {
            packages[name] = version;
        }

        return packages;
    }

    private static string VersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational ?? assembly.GetName().Version?.ToString() ?? "";
    }
}

/// <summary>The commit an experiment runs at, and whether tracked files differed from it.</summary>
internal sealed record CodeState(string Sha, string Message, bool Dirty);
