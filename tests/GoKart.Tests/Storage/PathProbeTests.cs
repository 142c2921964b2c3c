using GoKart.CommandLine;
using GoKart.Storage;
using GoKart.Tests.Support;

namespace GoKart.Tests.Storage;

/// <summary>
/// The config-file probe (issue 18): wherever <see cref="File.Exists"/> would find a file, the probe must say one may
/// be there, or a build would silently skip a config file.
/// </summary>
public sealed class PathProbeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MayExist_File_True()
    {
        var file = _dir.Combine("luigi.cfg");
        File.WriteAllText(file, "[core]\n");

        Assert.True(File.Exists(file));
        Assert.True(PathProbe.MayExist(file));
    }

    [Fact]
    public void MayExist_NothingThere_FalseAsFileExists()
    {
        var missing = _dir.Combine("gokart.ini");
        var underMissingFolder = _dir.Combine("no-such-folder", "gokart.ini");

        Assert.False(File.Exists(missing));
        Assert.False(PathProbe.MayExist(missing));
        Assert.False(File.Exists(underMissingFolder));
        Assert.False(PathProbe.MayExist(underMissingFolder));
    }

    [Fact]
    public void MayExist_DanglingSymlink_TrueAsFileExists()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var link = _dir.Combine("luigi.cfg");
        File.CreateSymbolicLink(link, _dir.Combine("gone.cfg"));

        // File.Exists falls back to lstat, so it reports the link; the probe must not hide it.
        Assert.True(File.Exists(link));
        Assert.True(PathProbe.MayExist(link));
    }

    [Fact]
    public void MayExist_Directory_TrueSoFileExistsDecides()
    {
        var folder = _dir.Combine("luigi.cfg");
        Directory.CreateDirectory(folder);

        Assert.True(PathProbe.MayExist(folder));
        Assert.False(File.Exists(folder));
    }

    [Fact]
    public void NoneToRead_ExplicitFilesOrEnvironment_False()
    {
        Assert.False(ConfigFiles.NoneToRead(["some.ini"], _ => null));
        Assert.False(ConfigFiles.NoneToRead([], name => name == ConfigFiles.EnvironmentVariable ? "a.ini" : null));
    }
}
