using System.Diagnostics;

namespace GoKart.Experiments.Tests;

/// <summary>A real git repository in a temporary directory, with one commit and experiments/ ignored.</summary>
internal sealed class TempGitRepo : IDisposable
{
    public TempGitRepo(bool ignoreExperiments = true)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gokart-exp-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        Git("init", "-q");
        Git("config", "user.name", "Test User");
        Git("config", "user.email", "test@example.com");
        Git("config", "commit.gpgsign", "false");
        File.WriteAllText(System.IO.Path.Combine(Path, "train.txt"), "v1\n");
        File.WriteAllText(System.IO.Path.Combine(Path, ".gitignore"), ignoreExperiments ? "experiments/\n" : "");
        Git("add", ".");
        Git("commit", "-q", "-m", "first commit");
    }

    public string Path { get; }

    public string ExperimentsPath => System.IO.Path.Combine(Path, "experiments");

    public string Head => Git("rev-parse", "HEAD").Trim();

    public string Experiment(string id, string file) => System.IO.Path.Combine(ExperimentsPath, id, file);

    public string Read(string id, string file) => File.ReadAllText(Experiment(id, file));

    public void Write(string file, string content) => File.WriteAllText(System.IO.Path.Combine(Path, file), content);

    public void Commit(string file, string content, string message)
    {
        Write(file, content);
        Git("add", file);
        Git("commit", "-q", "-m", message);
    }

    public ExperimentOptions Options(string? id = null, bool allowDirty = false, string description = "")
        => new() { ProjectDirectory = Path, ExperimentId = id, AllowDirty = allowDirty, Description = description, CommandLine = ["train", "--test"] };

    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        GoKart.Testing.ChildProcess.Wait(process, TimeSpan.FromMinutes(1));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
        }

        return output.Result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
