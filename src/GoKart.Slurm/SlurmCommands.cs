using System.Diagnostics;
using System.Text;

namespace GoKart.Slurm;

/// <summary>Runs Slurm's client commands (sbatch, squeue, scontrol, scancel, sinfo), each with a timeout.</summary>
internal sealed class SlurmCommands(TimeSpan timeout)
{
    /// <summary>Runs the command; its standard output, or an error with its standard error.</summary>
    public async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SlurmException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SlurmException($"Could not run '{program}' ({e.Message}). Is Slurm's client installed and on PATH on this machine?", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new SlurmException($"'{Describe(program, arguments)}' did not answer within {timeout.TotalSeconds:0} s.");
            }

            var stdout = await output.ConfigureAwait(false);
            var stderr = await error.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new SlurmException($"'{Describe(program, arguments)}' failed (exit {process.ExitCode}): {stderr.Trim()}");
            }

            return stdout;
        }
    }

    /// <summary>The command as a shell line (for messages and the dry run).</summary>
    public static string Describe(string program, IEnumerable<string> arguments)
    {
        var sb = new StringBuilder(ShellQuote.Quote(program));
        foreach (var argument in arguments)
        {
            sb.Append(' ').Append(ShellQuote.Quote(argument));
        }

        return sb.ToString();
    }
}
