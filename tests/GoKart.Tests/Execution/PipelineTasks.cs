using GoKart.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GoKart.Tests.Execution;

public sealed class Number : TaskOnKart<int>
{
    public int Value { get; init; }

    [NotParameter]
    public RunCounter? Counter { get; init; }

    protected override int Run()
    {
        Counter?.Hit($"Number{Value}");
        return Value;
    }
}

public sealed class AddOne : TaskOnKart<int>
{
    public required TaskOnKart<int> Input { get; init; }

    [NotParameter]
    public RunCounter? Counter { get; init; }

    protected override int Run()
    {
        Counter?.Hit(nameof(AddOne));
        Logger.LogInformation("adding one to {Input}", Input);
        return Load(Input) + 1;
    }
}

public sealed class Sum : TaskOnKart<int>
{
    public IReadOnlyList<TaskOnKart<int>> Inputs { get; init; } = [];

    [NotParameter]
    public RunCounter? Counter { get; init; }

    protected override int Run()
    {
        Counter?.Hit(nameof(Sum));
        return Load(Inputs).Sum();
    }
}

public sealed class Slow : TaskOnKart<int>
{
    public int Id { get; init; }

    [NotParameter]
    public RunCounter? Counter { get; init; }

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using (Counter?.Enter())
        {
            await Task.Delay(150, cancellationToken);
        }

        return Id;
    }
}

public sealed class Boom : TaskOnKart<int>
{
    public string Why { get; init; } = "boom";

    protected override int Run() => throw new InvalidOperationException(Why);
}

public sealed class Strings : TaskOnKart<string>
{
    public string Text { get; init; } = "";

    protected override string Run() => Text;
}

/// <summary>Requires explicitly, by name, and loads everything in that shape.</summary>
public sealed class Named : TaskOnKart<string>
{
    protected override Dependencies Requires() => new()
    {
        ["one"] = new Number { Value = 1 },
        ["two"] = new Number { Value = 2 },
    };

    protected override string Run()
    {
        var inputs = (IReadOnlyDictionary<string, object?>)Load()!;
        return $"{inputs["one"]}+{inputs["two"]}";
    }
}

public sealed class Listed : TaskOnKart<int>
{
    protected override Dependencies Requires() => [new Number { Value = 3 }, new Number { Value = 4 }];

    protected override int Run() => ((IReadOnlyList<object?>)Load()!).Cast<int>().Sum();
}

public sealed class LoadsStranger : TaskOnKart<int>
{
    protected override int Run() => Load(new Number { Value = 99 });
}

public sealed class WithReport : TaskOnKart<int>
{
    protected override IReadOnlyDictionary<string, Target> AdditionalOutputs() =>
        new Dictionary<string, Target> { ["report"] = MakeTarget("reports/summary.txt") };

    protected override int Run()
    {
        Dump("report", "all good");
        return 7;
    }
}

public sealed class ReadsReport : TaskOnKart<string>
{
    public required WithReport Source { get; init; }

    protected override string Run() => Load<string>(Source, "report") + " / " + Load(Source);
}

public sealed class Dice : TaskOnKart<int[]>
{
    public int Faces { get; init; } = 6;

    protected override int[] Run() => [.. Enumerable.Range(0, 5).Select(_ => Random.Next(Faces))];
}

public sealed class CycleA : TaskOnKart<int>
{
    protected override Dependencies Requires() => [new CycleB()];

    protected override int Run() => 0;
}

public sealed class CycleB : TaskOnKart<int>
{
    protected override Dependencies Requires() => [new CycleA()];

    protected override int Run() => 0;
}

public sealed class NoRun : TaskOnKart<int>
{
}

public sealed class BadParameter : TaskOnKart<int>
{
    public Stream? Data { get; init; }

    protected override int Run() => 0;
}

public sealed class WeirdOutput : TaskOnKart<int>
{
    protected override Target Output() => MakeTarget("x/out.weird");

    protected override int Run() => 1;
}

public sealed class EmptyList : TaskOnKart<List<int>>
{
    protected override List<int> Run() => [];
}

[TaskOptions(Significant = false)]
public sealed class Settings : TaskOnKart<int>
{
    public int Level { get; init; }

    protected override int Run() => Level;
}

public sealed class UsesSettings : TaskOnKart<int>
{
    public required TaskOnKart<int> Config { get; init; }

    protected override int Run() => Load(Config);
}

[CodeVersion("1")]
public sealed class VersionOne : TaskOnKart<int>
{
    protected override int Run() => 1;
}

[CodeVersion(TrackCode = true)]
public sealed class Tracked : TaskOnKart<int>
{
    protected override int Run() => 41 + 1;
}

[CodeVersion(TrackCode = true)]
public sealed class TrackedOther : TaskOnKart<int>
{
    protected override int Run() => 41 + 2;
}
