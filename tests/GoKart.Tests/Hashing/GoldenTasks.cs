namespace GoKart.Tests.Hashing;

// Tasks whose ids are pinned against values computed with gokart's formula in Python.
public sealed class Example : TaskOnKart<string>
{
    protected override string Run() => "Hello, world!";
}

public sealed class TaskA : TaskOnKart<string>
{
    public string Param { get; init; } = "";

    protected override string Run() => Param;
}

public sealed class P : TaskOnKart<int>
{
    public int A { get; init; }

    public IReadOnlyList<string> B { get; init; } = [];

    public double C { get; init; }

    public bool D { get; init; }

    protected override int Run() => A;
}

public sealed class Q : TaskOnKart<string>
{
    public string S { get; init; } = "";

    protected override string Run() => S;
}

public sealed class Child : TaskOnKart<int>
{
    public int Value { get; init; }

    protected override int Run() => Value;
}

public sealed class Parent : TaskOnKart<int>
{
    public required TaskOnKart<int> Data { get; init; }

    public string Name { get; init; } = "";

    protected override int Run() => Load(Data) + 1;
}

public sealed class F : TaskOnKart<double>
{
    public double X { get; init; }

    protected override double Run() => X;
}

public sealed class S : TaskOnKart<string>
{
    public string Text { get; init; } = "";

    protected override string Run() => Text;
}

public sealed class Dates : TaskOnKart<string>
{
    public DateOnly Day { get; init; }

    public DateTime At { get; init; }

    public TimeSpan Span { get; init; }

    protected override string Run() => "";
}

public sealed class L : TaskOnKart<int>
{
    public string[] Items { get; init; } = [];

    public List<double> Nums { get; init; } = [];

    protected override int Run() => 0;
}

public sealed class D : TaskOnKart<int>
{
    public Dictionary<string, int> Map { get; init; } = [];

    protected override int Run() => 0;
}

public enum Color
{
    Red,
    Green,
}

public sealed class E : TaskOnKart<int>
{
    public Color Color { get; init; }

    public bool Flag { get; init; }

    protected override int Run() => 0;
}

public sealed class Insig : TaskOnKart<int>
{
    public int A { get; init; }

    [Parameter(Significant = false)]
    public int Verbose { get; init; }

    protected override int Run() => A;
}

public sealed class Leaf : TaskOnKart<int>
{
    public int I { get; init; }

    protected override int Run() => I;
}

public sealed class FanIn : TaskOnKart<int>
{
    public IReadOnlyList<TaskOnKart<int>> Leaves { get; init; } = [];

    protected override int Run() => Load(Leaves).Sum();
}
