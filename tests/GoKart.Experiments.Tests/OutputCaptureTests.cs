namespace GoKart.Experiments.Tests;

public sealed class OutputCaptureTests : IDisposable
{
    private static readonly Dictionary<string, object?> Args = new() { ["lr"] = 0.1 };
    private readonly TempGitRepo _repo = new();
    private readonly TextWriter _previousOut = Console.Out;
    private readonly TextWriter _previousError = Console.Error;
    private readonly StringWriter _terminalOut = new();
    private readonly StringWriter _terminalError = new();

    public OutputCaptureTests()
    {
        Console.SetOut(_terminalOut);
        Console.SetError(_terminalError);
    }

    public void Dispose()
    {
        Console.SetOut(_previousOut);
        Console.SetError(_previousError);
        _repo.Dispose();
    }

    [Fact]
    public void Console_SimpleExperiment_TeesToFilesAndTerminal()
    {
        using (new Experiment(_repo.Options(), Args))
        {
            Console.WriteLine("to out");
            Console.Error.WriteLine("to err");
        }

        Console.WriteLine("after");
        Assert.Equal("to out\n", _repo.Read("1", "stdout"));
        Assert.Equal("to err\n", _repo.Read("1", "stderr"));
        Assert.Equal("to out\nafter\n", _terminalOut.ToString());
        Assert.Equal("to err\n", _terminalError.ToString());
    }

    [Fact]
    public void Console_SequentialExperiments_EachCapturesOnlyItsOwn()
    {
        using (new Experiment(_repo.Options(), Args))
        {
            Console.WriteLine("first");
        }

        Console.WriteLine("between");
        using (new Experiment(_repo.Options(), Args))
        {
            Console.WriteLine("second");
        }

        Assert.Equal("first\n", _repo.Read("1", "stdout"));
        Assert.Equal("second\n", _repo.Read("2", "stdout"));
        Assert.Equal("first\nbetween\nsecond\n", _terminalOut.ToString());
    }

    [Fact]
    public void Console_NestedExperiments_InnerOutputAlsoReachesOuter()
    {
        using (new Experiment(_repo.Options(), Args))
        {
            Console.WriteLine("outer before");
            using (new Experiment(_repo.Options(), Args))
            {
                Console.WriteLine("inner");
            }

            Console.WriteLine("outer after");
        }

        Assert.Equal("outer before\ninner\nouter after\n", _repo.Read("1", "stdout"));
        Assert.Equal("inner\n", _repo.Read("2", "stdout"));
        Assert.Equal("outer before\ninner\nouter after\n", _terminalOut.ToString());
    }

    [Fact]
    public void Console_Resume_AppendsToExistingOutput()
    {
        using (new Experiment(_repo.Options(), Args))
        {
            Console.WriteLine("run 1");
        }

        using (new Experiment(_repo.Options(id: "1"), Args))
        {
            Console.WriteLine("run 2");
        }

        Assert.Equal("run 1\nrun 2\n", _repo.Read("1", "stdout"));
    }
}
