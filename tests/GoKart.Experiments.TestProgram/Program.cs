// A child process for the process-level tests: records an experiment, then ends the way "mode" says.
using System.CommandLine;
using GoKart.Experiments;

var mode = new Argument<string>("mode") { Description = "return0 | return3 | exit0 | exit5 | throw | hang" };
var root = new RootCommand { mode };
Experiment.AddOptions(root);
var parsed = root.Parse(args);
using var experiment = Experiment.FromParseResult(parsed);
Console.WriteLine("hello from " + parsed.GetValue(mode));
Console.Error.WriteLine("to stderr");
switch (parsed.GetValue(mode))
{
    case "return3":
        return 3;
    case "exit0":
        Environment.Exit(0);
        break;
    case "exit5":
        Environment.Exit(5);
        break;
    case "throw":
        throw new InvalidOperationException("boom from the test program");
    case "hang":
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
        break;
}

return 0;
