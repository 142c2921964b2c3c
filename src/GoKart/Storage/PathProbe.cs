using System.Runtime.InteropServices;

namespace GoKart.Storage;

/// <summary>
/// Whether anything exists at a path, asked with one <c>lstat</c> of the path as given. <see cref="File.Exists"/> first
/// makes a relative path full, which reads the working directory and decodes it from UTF-8: the first UTF-8 decode in a
/// process costs about 2 ms (issue 18, a fresh process's first <c>Kart.LoadOutput</c>), for a file that is usually not there.
/// </summary>
internal static class PathProbe
{
    // More than libSystem.Native's FileStatus (about 120 bytes); only the return value is read.
    private const int StatusBytes = 512;

    /// <summary>
    /// False when nothing exists at <paramref name="path"/> (relative paths: in the working directory), in which case
    /// <see cref="File.Exists"/> is false too; true when something may, and <see cref="File.Exists"/> has the last word.
    /// </summary>
    public static bool MayExist(string path)
    {
        if (!NativeFile.IsSupported || path.Contains('\0', StringComparison.Ordinal))
        {
            return true;
        }

        var native = Marshal.StringToCoTaskMemUTF8(path);
        var status = Marshal.AllocCoTaskMem(StatusBytes);
        try
        {
            // File.Exists is false exactly when both stat and lstat fail, and stat fails wherever lstat does.
            return LStat(native, status) == 0;
        }
        finally
        {
            Marshal.FreeCoTaskMem(status);
            Marshal.FreeCoTaskMem(native);
        }
    }

    // Blittable, so crossgen2 precompiles the call (as NativeFile's).
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int LStat(nint path, nint status);
}
