using System.Runtime.InteropServices;

/// <summary>
/// Drops a folder's files from the page cache (posix_fadvise DONTNEED on each, as <c>vmtouch -e</c> does; no root
/// needed), so that the next scan reads them from the disk. Inodes and folder entries the kernel keeps in memory
/// stay (only dropping all caches, as root, evicts them too). Linux only.
/// </summary>
internal static partial class Evict
{
    private const int DontNeed = 4; // POSIX_FADV_DONTNEED

    public static int Folder(string folder)
    {
        var files = 0;
        var failed = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            using var handle = File.OpenHandle(path);
            failed += Advise((int)handle.DangerousGetHandle(), 0, 0, DontNeed) == 0 ? 0 : 1;
            files++;
        }

        Console.Error.WriteLine($"evicted {files:N0} files from the page cache ({failed} refused)");
        return failed == 0 ? 0 : 1;
    }

#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "posix_fadvise", ExactSpelling = true)]
    private static extern int Advise(int fd, long offset, long length, int advice);
#pragma warning restore SYSLIB1054
}
