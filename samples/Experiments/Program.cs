// Fits y = 3x + 1 by stochastic gradient descent and records each run as an experiment.
//   dotnet run --project samples/Experiments -- --lr 0.05 --epochs 20 --description "first try"
//   gokart experiments experiments/
using System.CommandLine;
using GoKart.Experiments;

var learningRate = new Option<double>("--lr") { Description = "learning rate", DefaultValueFactory = _ => 0.01 };
var epochs = new Option<int>("--epochs") { Description = "passes over the data", DefaultValueFactory = _ => 10 };
var batchSize = new Option<int>("--batch-size") { Description = "examples per step", DefaultValueFactory = _ => 8 };
var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 42 };
var root = new RootCommand("Toy linear regression recorded as an experiment") { learningRate, epochs, batchSize, seed };
Experiment.AddOptions(root);

root.SetAction(parsed =>
{
    Experiment started;
    try
    {
        started = Experiment.FromParseResult(parsed);
    }
    catch (ExperimentException e)
    {
        // Not a git repository, uncommitted changes, or a resumed id with other arguments or commit.
        Console.Error.WriteLine("error: " + e.Message);
        return 2;
    }

    using var experiment = started;
    var random = new Random(parsed.GetValue(seed));
    var xs = Enumerable.Range(0, 256).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    var ys = xs.Select(x => 3 * x + 1 + (random.NextDouble() - 0.5) * 0.1).ToArray();
    double w = 0, b = 0, loss = 0;
    var lr = parsed.GetValue(learningRate);
    var size = parsed.GetValue(batchSize);
    for (var epoch = 1; epoch <= parsed.GetValue(epochs); epoch++)
    {
        for (var start = 0; start < xs.Length; start += size)
        {
            double gw = 0, gb = 0;
            var end = Math.Min(start + size, xs.Length);
            for (var i = start; i < end; i++)
            {
                var error = w * xs[i] + b - ys[i];
                gw += error * xs[i];
                gb += error;
            }

            w -= lr * 2 * gw / (end - start);
            b -= lr * 2 * gb / (end - start);
        }

        loss = xs.Zip(ys, (x, y) => (w * x + b - y) * (w * x + b - y)).Average();
        Console.WriteLine($"epoch {epoch,3}: loss {loss:F5}");
    }

    experiment.Summary(new() { ["loss"] = Math.Round(loss, 6), ["w"] = Math.Round(w, 4), ["b"] = Math.Round(b, 4) });
    using var model = new StreamWriter(experiment.Open("model.txt", FileMode.Create));
    model.WriteLine($"w={w} b={b}");
    Console.WriteLine(experiment.IsRecording ? $"recorded as experiment {experiment.Id} in {experiment.Directory}" : "not recorded (--norecord)");
    return 0;
});

return root.Parse(args).Invoke();
