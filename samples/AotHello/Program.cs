using System.Diagnostics.CodeAnalysis;
using GoKart;

/// <summary>
/// The quickstart as a native executable (docs/aot.md). <c>./AotHello Greeting</c> runs the command line
/// (<see cref="Kart.Run"/>: task by name, execution summary); <c>./AotHello</c> alone builds the task directly
/// (<see cref="Kart.Build{T}"/>) and prints its output. Either way the output is saved under ./resources.
/// </summary>
internal static class Program
{
    // Native AOT keeps only the code a program references: the task classes Kart.Run finds by name are kept here,
    // with their members.
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Greeting))]
    private static int Main(string[] args)
    {
        if (args.Length > 0)
        {
            return Kart.Run(args);
        }

        Console.WriteLine(Kart.Build(new Greeting()));
        return 0;
    }
}

/// <summary>The smallest task: its output is a string.</summary>
public sealed class Greeting : TaskOnKart<string>
{
    protected override string Run() => "Hello, world!";
}
