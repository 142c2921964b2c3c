namespace GoKart.Ui.Tests;

public sealed class SafePathsTests
{
    [Theory]
    [InlineData("a/b.csv", true)]
    [InlineData("a.csv", true)]
    [InlineData("../a", false)]
    [InlineData("a/../b", false)]
    [InlineData("./a", false)]
    [InlineData("a//b", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("C:/x", false)]
    [InlineData("a\\..\\b", false)]
    [InlineData("s3://bucket/x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsRelative(string? path, bool expected) => Assert.Equal(expected, SafePaths.IsRelative(path));
}
