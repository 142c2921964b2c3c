using Microsoft.Extensions.Logging;

namespace GoKart.CommandLine;

/// <summary>The command line split into the task name, the program's options and raw parameter options.</summary>
internal sealed class ParsedArguments
{
    public string? TaskName { get; set; }

    public bool Help { get; set; }

    public bool Tree { get; set; }

    public bool TreeDetails { get; set; }

    public bool DryRun { get; set; }

    /// <summary>Where <c>--tree-info-output</c> writes the task-info table or tree; null when not asked.</summary>
    public string? TreeInfoOutput { get; set; }

    public bool TreeInfoDetails { get; set; } = true;

    public bool Rerun { get; set; }

    public int? Workers { get; set; }

    public int? RetryCount { get; set; }

    public TimeSpan? RetryDelay { get; set; }

    public string? Workspace { get; set; }

    public LogLevel? LogLevel { get; set; }

    public bool? Progress { get; set; }

    /// <summary><c>--ui</c>: write the build journal that <c>gokart ui</c> follows.</summary>
    public bool Ui { get; set; }

    public string? Executor { get; set; }
    public string? RedisHost { get; set; }

    public int? RedisPort { get; set; }

    public List<string> ConfigFiles { get; } = [];

    /// <summary>Every <c>--name[=value]</c> that is not one of the program's options, in order.</summary>
    public List<ParameterArgument> Parameters { get; } = [];
}

/// <summary>A <c>--name=value</c>, <c>--name value</c> or bare <c>--name</c> (Value null) aimed at a task parameter.</summary>
internal sealed record ParameterArgument(string Name, string? Value)
{
    public string Display => "--" + Name;
}
