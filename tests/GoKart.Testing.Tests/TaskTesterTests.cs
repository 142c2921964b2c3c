using GoKart.Testing;

namespace GoKart.Testing.Tests;

public sealed class Doubled : TaskOnKart<int[]>
{
    public TaskOnKart<int[]> Numbers { get; init; } = new Explodes();

    protected override int[] Run() => [.. Load(Numbers).Select(n => n * 2)];
}

/// <summary>Fails if it is ever run: the tester must use the given value instead.</summary>
public sealed class Explodes : TaskOnKart<int[]>
{
    protected override int[] Run() => throw new InvalidOperationException("upstream ran");
}

public sealed class Named : TaskOnKart<int>
{
    protected override int Run() => 1;
}

public sealed class TaskTesterTests
{
    [Fact]
    public void Run_GivenInput_TaskRunsOnItAndUpstreamNever()
    {
        var upstream = new Explodes();

        var output = TaskTester.Run(new Doubled { Numbers = upstream }, TaskInput.For<int[]>(upstream, [1, 2, 3]));

        Assert.Equal([2, 4, 6], output);
    }

    [Fact]
    public void Run_MissingInput_ErrorNamesTheRequirement()
    {
        var e = Assert.Throws<ArgumentException>(() => TaskTester.Run(new Doubled()));

        Assert.Contains("Explodes[", e.Message, StringComparison.Ordinal);
        Assert.Contains("no input value was given", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InputThatIsNotARequirement_ErrorListsTheRequirements()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            TaskTester.Run(new Doubled(), TaskInput.For<int[]>(new Explodes(), []), TaskInput.For(new Named(), 1)));

        Assert.Contains("Named[", e.Message, StringComparison.Ordinal);
        Assert.Contains("is not a requirement of Doubled[", e.Message, StringComparison.Ordinal);
    }
}
