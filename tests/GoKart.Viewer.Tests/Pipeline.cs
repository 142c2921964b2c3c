using Microsoft.Extensions.Logging;

namespace GoKart.Viewer.Tests;

/// <summary>A small training pipeline: data → features → train(lr, epochs) → report with a named output.</summary>
public sealed class Data : TaskOnKart<int[]>
{
    public int Rows { get; init; } = 3;

    protected override int[] Run() => [.. Enumerable.Range(1, Rows)];
}

public sealed class Train : TaskOnKart<double>
{
    public required TaskOnKart<int[]> Data { get; init; }

    public double Lr { get; init; } = 0.1;

    public int Epochs { get; init; } = 5;

    protected override double Run()
    {
        Logger.LogInformation("training for {Epochs} epochs", Epochs);
        return Load(Data).Sum() * Lr * Epochs;
    }
}

public sealed class Report : TaskOnKart<string>
{
    public required TaskOnKart<double> Model { get; init; }

    protected override Dependencies Requires() => new() { ["model"] = Model, ["data"] = new Data() };

    protected override IReadOnlyDictionary<string, Target> AdditionalOutputs() =>
        new Dictionary<string, Target> { ["table"] = MakeTarget("report/table.csv") };

    protected override string Run()
    {
        Dump("table", new[] { new Row(1, 0.5, "a"), new Row(2, 1.5, "b") });
        return "score " + Math.Round(Load<double>(Model), 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed record Row(int Id, double Score, string Label);
