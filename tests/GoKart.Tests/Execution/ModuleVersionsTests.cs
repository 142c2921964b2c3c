using System.Runtime.InteropServices;
using GoKart.Execution;

namespace GoKart.Tests.Execution;

public sealed class ModuleVersionsTests
{
    [Fact]
    public void ArchitectureName_IsTheEnumName_ForEveryArchitecture()
    {
        foreach (var architecture in Enum.GetValues<Architecture>())
        {
            Assert.Equal(architecture.ToString(), ModuleVersions.ArchitectureName(architecture));
        }
    }

    [Fact]
    public void Describe_EndsWithRuntimeOsAndArchitecture()
    {
        var lines = ModuleVersions.Describe().Split('\n');
        Assert.Equal("architecture==" + RuntimeInformation.ProcessArchitecture, lines[^2]);
        Assert.Equal("os==" + RuntimeInformation.OSDescription, lines[^3]);
        Assert.Equal(string.Empty, lines[^1]);
    }
}
