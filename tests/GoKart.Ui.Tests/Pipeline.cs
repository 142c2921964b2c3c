using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GoKart.Ui.Tests;

/// <summary>One row of the table the pipeline writes as CSV.</summary>
public sealed record Measurement(int Step, long Square, string Label);

/// <summary>Writes <see cref="Rows"/> rows (step, step², "r{step}") as CSV: more than the 100 a preview shows.</summary>
public sealed class Numbers : TaskOnKart<Measurement[]>
{
    public int Rows { get; init; } = 150;

    protected override Target Output() => MakeTarget("ui/numbers.csv");

    protected override Measurement[] Run() => [.. Enumerable.Range(1, Rows).Select(i => new Measurement(i, (long)i * i, "r" + i.ToString(CultureInfo.InvariantCulture)))];
}

/// <summary>A "model" with a free-text note (the tests put HTML in it) that logs a line with HTML in it.</summary>
public sealed class Fit : TaskOnKart<double>
{
    public required TaskOnKart<Measurement[]> Data { get; init; }

    public double Lr { get; init; } = 0.1;

    public int Epochs { get; init; } = 5;

    public string Note { get; init; } = "plain";

    protected override double Run()
    {
        Logger.LogWarning("fitting <b>bold</b> <img src=x onerror=alert(2)> for {Epochs} epochs", Epochs);
        return Load(Data).Sum(m => m.Square) * Lr * Epochs;
    }
}

/// <summary>Requires two fits; its output is a line of text.</summary>
public sealed class Compare : TaskOnKart<string>
{
    public required TaskOnKart<double> First { get; init; }

    public required TaskOnKart<double> Second { get; init; }

    protected override string Run() => Load(First).ToString("R", CultureInfo.InvariantCulture) + " " + Load(Second).ToString("R", CultureInfo.InvariantCulture);
}
