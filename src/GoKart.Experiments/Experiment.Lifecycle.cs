using System.Globalization;
using System.Text.Json.Nodes;
using GoKart.Experiments.Recording;

namespace GoKart.Experiments;

/// <summary>Creating, resuming and ending the experiment folder.</summary>
public sealed partial class Experiment
{
    private static (string Id, string Directory, JsonObject Metadata) CreateNew(
        string experimentsDirectory, CodeState code, DateTimeOffset start, IReadOnlyList<string> command, string description, string projectDirectory)
    {
        var (id, directory) = ExperimentIds.CreateNext(experimentsDirectory, ExperimentStatus.Running + "\n");
        return (id, directory, Metadata.Create(code, description, start, command, projectDirectory));
    }

    private static (string Id, string Directory, JsonObject Metadata) OpenGivenId(
        string experimentsDirectory, string id, JsonObject args, CodeState code, DateTimeOffset start, IReadOnlyList<string> command, string description, string projectDirectory)
    {
        if (!ExperimentIds.IsValid(id))
        {
            throw new ExperimentException($"Experiment id '{id}' is not usable as a folder name.");
        }

        var directory = Path.Combine(experimentsDirectory, id);
        var metadataPath = Path.Combine(directory, ExperimentFiles.Metadata);
        if (!File.Exists(metadataPath))
        {
            System.IO.Directory.CreateDirectory(directory);
            return (id, directory, Metadata.Create(code, description, start, command, projectDirectory));
        }

        var storedArgs = JsonValues.ReadObject(Path.Combine(directory, ExperimentFiles.Args));
        if (!JsonNode.DeepEquals(storedArgs, args))
        {
            throw new MismatchedArgsException(
                $"Experiment {id} was recorded with arguments {storedArgs.ToJsonString()} but is resumed with {args.ToJsonString()}; " +
                "omit --experiment-id to start a new experiment.");
        }

        var metadata = JsonValues.ReadObject(metadataPath);
        var storedSha = metadata[Metadata.Sha]?.GetValue<string>();
        if (storedSha != code.Sha)
        {
            throw new MismatchedCommitException(
                $"Experiment {id} was recorded at commit {storedSha} but the repository is at {code.Sha}; " +
                "check out that commit or omit --experiment-id to start a new experiment.");
        }

        Metadata.MarkResumed(metadata, start, command);
        return (id, directory, metadata);
    }

    private void Finish(string status, string? message)
    {
        lock (_gate)
        {
            if (_finished || !IsRecording)
            {
                return;
            }

            _finished = true;
            _watch?.Dispose();
            _metadata![Metadata.EndTime] = Metadata.Format(_time.GetLocalNow());
            JsonValues.Write(FilePath(ExperimentFiles.Metadata), _metadata);
            WriteStatus(status, message);
            _capture?.Dispose();
        }
    }

    private void WriteStatus(string status, string? message)
    {
        _status = status;
        AtomicFile.WriteAllText(FilePath(ExperimentFiles.Status), message is null ? status + "\n" : status + "\n" + message + "\n");
    }

    private void DeleteTemporaryDirectory()
    {
        if (IsRecording)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The program opened no file.
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temporary folder is the system's to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        DeleteTemporaryDirectory();
        try
        {
            var code = Environment.ExitCode;
            if (code == 0)
            {
                Finish(ExperimentStatus.Success, null);
                return;
            }

            var message = string.Create(CultureInfo.InvariantCulture, $"Process exited with code {code}.");
            lock (_gate)
            {
                if (_candidate is not null)
                {
                    message += "\nThe last exception thrown through the code that disposed the experiment (it may have been handled):\n" + _candidate;
                }
            }

            Finish(ExperimentStatus.Error, message);
            lock (_gate)
            {
                // Dispose ran before Main returned its code; the code decides.
                if (_status == ExperimentStatus.Success && System.IO.Directory.Exists(Directory))
                {
                    WriteStatus(ExperimentStatus.Error, message);
                }
            }
        }
        catch (IOException)
        {
            // The process is ending; a folder removed meanwhile must not turn exit into a crash.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        try
        {
            var message = e.ExceptionObject.ToString();
            Finish(ExperimentStatus.Error, message);
            lock (_gate)
            {
                // An async Main disposes the experiment before its exception becomes unhandled; the crash decides.
                if (_status == ExperimentStatus.Success && System.IO.Directory.Exists(Directory))
                {
                    WriteStatus(ExperimentStatus.Error, message);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
