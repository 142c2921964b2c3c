using System.Diagnostics.CodeAnalysis;
using GoKart;

/// <summary>
/// The quickstart as a native executable: <c>./AotHello Greeting</c> saves the task's string under ./resources.
/// Native AOT keeps only the code a program references, so the task classes <see cref="Kart.Run"/> finds by name are
/// kept with their members by <see cref="DynamicDependencyAttribute"/> (docs/aot.md).
/// </summary>
internal static class Program
{
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Greeting))]
    private static int Main(string[] args) => Kart.Run(args);
}

/// <summary>The smallest task: its output is a string.</summary>
public sealed class Greeting : TaskOnKart<string>
{
    protected override string Run() => "Hello, world!";
}
