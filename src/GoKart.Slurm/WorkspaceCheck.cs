using GoKart.Storage;

namespace GoKart.Slurm;

/// <summary>
/// Can jobs see the workspace? Yes for a remote location (<c>s3://...</c>), for a local folder on a network file
/// system, and for any local folder when every node of the cluster is this machine. Otherwise a clear error,
/// unless the user said it is shared.
/// </summary>
internal static class WorkspaceCheck
{
    private static readonly string[] NetworkFileSystems =
        ["nfs", "nfs4", "lustre", "gpfs", "beegfs", "cifs", "smb3", "smbfs", "ceph", "cephfs", "glusterfs", "9p", "panfs", "wekafs", "fuse.sshfs", "fuse.glusterfs", "fuse.ceph", "fuse.juicefs", "fuse.s3fs", "fuse.gcsfuse", "afs", "cvmfs"];

    public static async Task CheckAsync(ExecutionPlan plan, string? localPath, SlurmOptions options, SlurmCommands commands, CancellationToken cancellationToken)
    {
        if (options.SharedWorkspace)
        {
            return;
        }

        if (plan.Store is InMemoryStore)
        {
            throw new GoKartConfigurationException("The workspace is in memory; Slurm jobs run in other processes and cannot see it. Use a shared folder or s3://.");
        }

        if (localPath is null)
        {
            return; // a remote store (s3://...) every node reaches the same way
        }

        var fileSystem = FileSystemOf(Path.GetFullPath(localPath));
        if (fileSystem is not null && NetworkFileSystems.Contains(fileSystem, StringComparer.Ordinal))
        {
            return;
        }

        var nodes = await commands.RunAsync("sinfo", ["-h", "-N", "-o", "%N"], cancellationToken).ConfigureAwait(false);
        var names = nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var here = System.Net.Dns.GetHostName();
        if (names.Count > 0 && names.All(n => n == "localhost" || string.Equals(n, here, StringComparison.OrdinalIgnoreCase) || here.StartsWith(n + ".", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        throw new GoKartConfigurationException(
            $"The workspace '{localPath}' is on a local {fileSystem ?? "unknown"} file system, and the cluster's nodes ({string.Join(", ", names.Take(5))}) are not this machine, "
            + "so jobs would not see it. Put the workspace on a shared file system or s3://, or set shared_workspace = true in [slurm] (SlurmOptions.SharedWorkspace) if it is shared.");
    }

    /// <summary>The type of the file system holding the path (longest mount point prefix in /proc/mounts).</summary>
    private static string? FileSystemOf(string path)
    {
        try
        {
            string? best = null;
            var bestLength = -1;
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var parts = line.Split(' ');
                if (parts.Length < 3)
                {
                    continue;
                }

                var mount = parts[1].Replace("\\040", " ", StringComparison.Ordinal);
                var prefix = mount.EndsWith('/') ? mount : mount + "/";
                if ((path == mount || path.StartsWith(prefix, StringComparison.Ordinal)) && mount.Length > bestLength)
                {
                    (best, bestLength) = (parts[2], mount.Length);
                }
            }

            return best;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
