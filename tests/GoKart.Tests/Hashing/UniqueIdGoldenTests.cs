namespace GoKart.Tests.Hashing;

public sealed class UniqueIdGoldenTests
{
    [Fact]
    public void UniqueId_SpecGoldenValues_MatchGokart()
    {
        Assert.Equal("8441c59b5ce0113396d53509f19371fb", new Example().UniqueId);
        Assert.Equal("be65508b556dd3752359b4246791413d", new TaskA { Param = "foo" }.UniqueId);
        Assert.Equal("5a824f7d232eb69d46f0ac6bbd93b565", new TaskA { Param = "bar" }.UniqueId);
        Assert.Equal("aa7810bcf83f528814b4a89e2a59eb26", new P { A = 1, B = ["x", "y"], C = 0.5, D = false }.UniqueId);
        Assert.Equal("3c62546bd9bf2ae2a387602badf2d662", new Q { S = "it's" }.UniqueId);
    }

    [Fact]
    public void UniqueId_NestedTaskParameter_FoldsChildIdInDependenciesAndParameters()
    {
        var child = new Child { Value = 1 };
        Assert.Equal("ad5fa1d0e8ab13827aa6b1d7cc76e2d1", child.UniqueId);
        Assert.Equal("81a6765b8f6c21ffe99d3a3979e5ed8f", new Parent { Data = new Child { Value = 1 }, Name = "n" }.UniqueId);
    }

    [Theory]
    [InlineData(1e-05, "c11c61d6537ebcfdfcd91b26dbf01283")]
    [InlineData(1e16, "4607d5fe3ba226c2a7b81e2aa56457a9")]
    [InlineData(0.1, "f901939deeadad2741646fba8906d0e8")]
    [InlineData(2.0, "3697fdc8aca5422bc204c3b96976b39b")]
    [InlineData(-0.0, "0c15395dd1740779a21d34ef9bbc5215")]
    [InlineData(123456789.125, "fb5ddd4396c49041d5d0511e56c2953e")]
    [InlineData(1.5e-7, "929e8434853967b2c2d7350c2f2c10ee")]
    public void UniqueId_FloatParameter_UsesPythonRepr(double x, string expected) =>
        Assert.Equal(expected, new F { X = x }.UniqueId);

    [Fact]
    public void UniqueId_NonAsciiString_KeptAsPythonReprKeepsIt() =>
        Assert.Equal("ef93a09e41399bd95c9b638006c37f72", new S { Text = "日本語 ü\n" }.UniqueId);

    [Fact]
    public void UniqueId_Dates_UseLuigiSerialization() =>
        Assert.Equal("cfad4b4aa2b03f96a35b98c519dd7495", new Dates
        {
            Day = new DateOnly(2024, 1, 2),
            At = new DateTime(2024, 1, 2, 3, 4, 5),
            Span = TimeSpan.FromMinutes(90),
        }.UniqueId);

    [Fact]
    public void UniqueId_Lists_UsePythonJsonDumpsWithEnsureAscii() =>
        Assert.Equal("b361d07328f588767b4e24b2ebe86c6b", new L { Items = ["é", "x"], Nums = [1.5, 2.0, 1e-05] }.UniqueId);

    [Fact]
    public void UniqueId_Dictionary_KeepsInsertionOrder() =>
        Assert.Equal("68b3b504e03e73278265cf8f5a3e8963", new D { Map = new() { ["a"] = 1, ["b"] = 2 } }.UniqueId);

    [Fact]
    public void UniqueId_EnumAndBool_UseNameAndPythonBool() =>
        Assert.Equal("382bcdad5971387ebc65fd08a54128e5", new E { Color = Color.Green, Flag = true }.UniqueId);

    [Fact]
    public void UniqueId_InsignificantParameter_IsLeftOut()
    {
        Assert.Equal("36d17d7481ad53643d2660247f47b765", new Insig { A = 1, Verbose = 3 }.UniqueId);
        Assert.Equal(new Insig { A = 1, Verbose = 0 }.UniqueId, new Insig { A = 1, Verbose = 3 }.UniqueId);
    }

    [Fact]
    public void UniqueId_ListOfTasks_FoldsEachChildInOrder() =>
        Assert.Equal("cc34d0032342b6ea1f0f56629f1510e3", new FanIn { Leaves = [new Leaf { I = 0 }, new Leaf { I = 1 }, new Leaf { I = 2 }] }.UniqueId);

    [Fact]
    public void UniqueId_ChangedParameter_ChangesId() =>
        Assert.NotEqual(new TaskA { Param = "foo" }.UniqueId, new TaskA { Param = "foo " }.UniqueId);
}
