using GoKart;

// The seed's quickstart: a task whose output is saved in ./resources under a name carrying its unique id.
var output = Kart.Build(new Example());
Console.WriteLine(output);

/// <summary>The smallest task: its output is a string.</summary>
public sealed class Example : TaskOnKart<string>
{
    protected override string Run() => "Hello, world!";
}
