using GoKart.CommandLine;

namespace GoKart.Tests.CommandLine;

public sealed class IniFileTests
{
    [Fact]
    public void Parse_SectionsKeysCommentsAndContinuations()
    {
        var ini = IniFile.Parse("# comment\n[A]\nx = 1\ny: two words\n; other\nz =\n  line1\n  line2\n[B]\nX = 3\n[A]\nx = 4\n", "f.ini");

        var a = ini.Sections.Single(s => s.Name == "A");
        Assert.Equal("4", a.Find("x")!.Value);
        Assert.Equal("two words", a.Find("y")!.Value);
        Assert.Equal("line1\nline2", a.Find("z")!.Value);
        Assert.Equal(3, ini.Sections.Single(s => s.Name == "B").Find("x")!.Line - 7);
    }

    [Fact]
    public void Interpolate_ReplacesVariablesAndDollarEscapes()
    {
        var text = IniFile.Interpolate("${HOME}/data-$$1-$x", name => name == "HOME" ? "/h" : null, "o");

        Assert.Equal("/h/data-$1-$x", text);
    }

    [Fact]
    public void Interpolate_MissingVariable_NamesOriginAndVariable()
    {
        var e = Assert.Throws<CommandLineException>(() => IniFile.Interpolate("${MISSING}", _ => null, "f.ini:3 [A] key"));

        Assert.StartsWith("f.ini:3 [A] key: environment variable 'MISSING' is not set", e.Message);
    }
}
