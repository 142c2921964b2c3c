using GoKart.Testing;

namespace GoKart.Testing.Tests.Samples;

// The samples' own tasks (samples/Cli/Tasks.cs), tested the way gokart.testing is meant to be used.
public sealed class SampleTaskTests
{
    [Fact]
    public void Shout_GivenSourceText_UpperCasesIt()
    {
        var source = new Greeting { Name = "ann" };

        Assert.Equal("HELLO THERE", TaskTester.Run(new Shout { Source = source }, TaskInput.For(source, "hello there")));
    }

    [Fact]
    public void CountWords_GivenRawWordsWithoutTheFile_CountsLongEnoughWords() =>
        Assert.Equal(2, TaskTester.Run(new CountWords { MinLength = 3 }, TaskInput.For(new RawWords(), "a bb ccc dddd\n")));

    [Fact]
    public void Greeting_NoInputs_TableOfRunsMatches()
    {
        string[] outputs = [.. new[] { 1, 2 }.Select(t => TaskTester.Run(new Greeting { Name = "x", Times = t }))];

        TableAssert.Equal(["Hi, x! on 2024-01-01", "Hi, x! Hi, x! on 2024-01-01"], outputs);
    }
}
