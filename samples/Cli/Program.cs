using GoKart;

// gokart.run(): the task and its parameters come from the command line, e.g.
//   dotnet run --project samples/Cli -- SampleTask --local-scheduler --param=hello
return Kart.Run(args);

/// <summary>The seed's gokart.run example: dumps its parameter.</summary>
public sealed class SampleTask : TaskOnKart<string>
{
    [Parameter(Description = "The text to dump.")]
    public required string Param { get; init; }

    protected override string Run() => Param;
}
