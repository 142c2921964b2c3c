using System.Diagnostics;

namespace GoKart.Experiments.Recording;

/// <summary>Read-only questions to the <c>git</c> command line about the repository holding a project directory.</summary>
/// <remarks>Only reads: the user's repository is never committed to or edited.</remarks>
internal sealed class GitRepository
{
    private readonly string _workingDirectory;

    private GitRepository(string workingDirectory, string root)
    {
        _workingDirectory = workingDirectory;
        Root = root;
    }

    /// <summary>The top-level directory of the work tree.</summary>
    public string Root { get; }

    public static GitRepository Open(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ExperimentException($"Project directory '{directory}' does not exist.");
        }

        var (code, output, error) = Run(directory, "rev-parse", "--show-toplevel");
        if (code != 0)
        {
            throw new ExperimentException(
                $"Project directory '{directory}' is not inside a git repository (git: {error.Trim()}). " +
                "Experiments record the commit of the code; run 'git init' and commit, or pass --norecord.");
        }

        return new GitRepository(directory, output.Trim());
    }

    public string HeadSha()
    {
        var (code, output, error) = Run(_workingDirectory, "rev-parse", "--verify", "HEAD");
        if (code != 0)
        {
            throw new ExperimentException($"The git repository at '{Root}' has no commit yet (git: {error.Trim()}); commit the code first.");
        }

        return output.Trim();
    }

    public string HeadMessage() => Check(Run(_workingDirectory, "log", "-1", "--format=%B", "HEAD")).TrimEnd() + "\n";

    /// <summary>True when tracked files differ from HEAD, staged or not; untracked files do not count.</summary>
    public bool HasTrackedChanges()
        => Check(Run(_workingDirectory, "status", "--porcelain", "--untracked-files=no")).Length > 0;

    /// <summary>The diff of tracked files against HEAD, staged and unstaged together, as a patch.</summary>
    public string DiffAgainstHead() => Check(Run(_workingDirectory, "diff", "HEAD", "--binary"));

    /// <summary>True when git would ignore <paramref name="path"/> (exit code 0 of <c>git check-ignore</c>).</summary>
    public bool IsIgnored(string path) => Run(_workingDirectory, "check-ignore", "-q", path).Code == 0;

    private string Check((int Code, string Output, string Error) result)
    {
        if (result.Code != 0)
        {
            throw new ExperimentException($"git failed in '{Root}': {result.Error.Trim()}");
        }

        return result.Output;
    }

    private static (int Code, string Output, string Error) Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Git must not wait for a pager or a credential prompt inside a recorded program.
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            using var process = Process.Start(start)
                ?? throw new ExperimentException("Could not start 'git'.");
            var errorTask = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, errorTask.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ExperimentException("The 'git' command was not found; experiments need git on the PATH.", e);
        }
    }
}
