namespace GoKart.Tests.Support;

/// <summary>The GoKart.Tests.Crash child program, built beside the tests in the same configuration.</summary>
public static class CrashChild
{
    public static string Dll()
    {
        var dll = System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "GoKart.Tests.Crash", "bin",
            new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "GoKart.Tests.Crash.dll"));
        Assert.True(File.Exists(dll), $"child program not built: {dll}");
        return dll;
    }
}
