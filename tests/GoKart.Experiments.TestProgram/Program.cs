// A child process for the process-level tests: records an experiment, then ends the way "mode" says.
using System.CommandLine;
using GoKart.Experiments;

var mode = new Argument<string>("mode")
{
    Description = "return0 | return3 | exit0 | exit5 | throw | hang | action-throw | action-throw-async | norecord-open-exit",
};
var root = new RootCommand { mode };
Experiment.AddOptions(root);
var parsed = root.Parse(args);
switch (parsed.GetValue(mode))
{
    case "action-throw":
        // The pattern docs/experiments.md recommends: System.CommandLine catches what the action throws.
        root.SetAction((Action<ParseResult>)(p =>
        {
            using var experiment = Experiment.FromParseResult(p);
            Console.WriteLine("hello from action-throw");
            throw new InvalidOperationException("boom from the action");
        }));
        return parsed.Invoke();
    case "action-throw-async":
        root.SetAction((Func<ParseResult, CancellationToken, Task>)(async (p, ct) =>
        {
            using var experiment = Experiment.FromParseResult(p);
            await Task.Yield();
            throw new InvalidOperationException("boom from the async action");
        }));
        // Not awaited: an await would make Main async and change how the other modes end.
        return parsed.InvokeAsync().GetAwaiter().GetResult();
}

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
    case "norecord-open-exit":
        // Ends without Dispose: the process-exit handler must remove the --norecord folder.
        using (var file = experiment.Open("model.bin", FileMode.Create))
        {
            file.WriteByte(1);
        }

        Console.WriteLine("folder " + experiment.Directory);
        Console.Out.Flush();
        Environment.Exit(0);
        break;
}

return 0;
