using GoKart.CommandLine;
using Microsoft.Extensions.Logging;

namespace GoKart.Tests.CommandLine;

public sealed class ArgumentParserTests
{
    [Fact]
    public void Parse_LuigiStyleArguments()
    {
        var parsed = ArgumentParser.Parse(["--workers", "3", "Task", "--local-scheduler", "--a=1", "--b", "2", "--flag", "--Other-c=x", "--log-level", "debug", "--rerun", "--config=x.ini"]);

        Assert.Equal("Task", parsed.TaskName);
        Assert.Equal(3, parsed.Workers);
        Assert.Equal(LogLevel.Debug, parsed.LogLevel);
        Assert.True(parsed.Rerun);
        Assert.Equal(["x.ini"], parsed.ConfigFiles);
        Assert.Equal(
            [new ParameterArgument("a", "1"), new ParameterArgument("b", "2"), new ParameterArgument("flag", null), new ParameterArgument("Other-c", "x")],
            parsed.Parameters);
    }

    [Fact]
    public void Parse_NegativeNumberAfterName_IsTheValue()
    {
        var parsed = ArgumentParser.Parse(["Task", "--rate", "-0.5"]);

        Assert.Equal(new ParameterArgument("rate", "-0.5"), Assert.Single(parsed.Parameters));
    }

    [Fact]
    public void Parse_BareOptionBeforeTaskName_DoesNotSwallowTheTaskName()
    {
        var parsed = ArgumentParser.Parse(["--flag", "Task"]);

        Assert.Equal("Task", parsed.TaskName);
        Assert.Equal(new ParameterArgument("flag", null), Assert.Single(parsed.Parameters));
    }
}

public sealed class NearestNameTests
{
    [Theory]
    [InlineData("SampleTsk", "SampleTask")]
    [InlineData("sampletask", "SampleTask")]
    [InlineData("Completely", null)]
    public void Find_ReturnsCloseCandidateOnly(string name, string? expected) =>
        Assert.Equal(expected, NearestName.Find(name, ["SampleTask", "Other"]));
}
