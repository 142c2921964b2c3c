namespace GoKart.Peer;

/// <summary>One task, one small text output: the whole-process start-up row.</summary>
public sealed class Hello : TaskOnKart<string>
{
    protected override Target Output() => MakeTarget("peer/hello.txt");

    protected override string Run() => "Hello, world!";
}

/// <summary>gokart's benchmark chain: each task loads its parent's int and dumps int + 1.</summary>
public sealed class Chain : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override Dependencies Requires() => Index > 0 ? new TaskOnKart[] { Parent } : Dependencies.None;

    protected override int Run() => Index == 0 ? 0 : Load(Parent) + 1;

    private Chain Parent => new() { Index = Index - 1 };

    public static Chain Build(int length) => new() { Index = length - 1 };
}

/// <summary>A leaf of the fan-in workload.</summary>
public sealed class FanLeaf : TaskOnKart<int>
{
    public int Index { get; init; }

    protected override int Run() => Index;
}

/// <summary>Loads every leaf and sums them.</summary>
public sealed class FanRoot : TaskOnKart<long>
{
    public int Leaves { get; init; }

    protected override Dependencies Requires() => Enumerable.Range(0, Leaves).Select(i => new FanLeaf { Index = i }).ToArray<TaskOnKart>();

    protected override long Run() => Load(Enumerable.Range(0, Leaves).Select(i => (TaskOnKart<int>)new FanLeaf { Index = i })).Sum(x => (long)x);

    public static FanRoot Build(int leaves) => new() { Leaves = leaves };
}
