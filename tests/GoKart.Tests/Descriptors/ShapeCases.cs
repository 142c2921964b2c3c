namespace GoKart.Tests.Descriptors.ShapeCases;

// Task classes whose shapes exercise the generator against reflection (TaskShapeEquivalenceTests): inherited class
// attributes, base-class parameters, overrides, hiding, required and init members. Each takes a constructor argument
// so that the command-line catalog of this assembly (which lists classes with a parameterless constructor) is unchanged.

[TaskOptions(Significant = false, Rerun = true)]
[Retry(2, DelaySeconds = 0.125)]
[CodeVersion("base")]
public abstract class ShapeBase<T>(int seed) : TaskOnKart<T>
{
    public int Seed { get; } = seed;

    public string Label { get; init; } = "base";

    [Parameter(Significant = false, Description = "on the base")]
    public virtual int Weight { get; set; } = seed + 1;

    [NotParameter]
    public virtual string Cache { get; set; } = "cache";

    public int Hidden { get; set; } = seed + 2;

    public string Narrow { get; internal set; } = "narrow";

#pragma warning disable CA1000 // A static property is never a parameter: here to show it.
    public static int Shared { get; set; }
#pragma warning restore CA1000
}

public sealed class ShapeDerived(int seed) : ShapeBase<double>(seed)
{
    public required Mode Mode { get; init; }

    public override int Weight { get; set; } = seed + 3;

    public new int Hidden { get; set; } = seed + 4;

    public List<string> Names { get; init; } = ["a"];

    public Dictionary<string, int> Counts { get; init; } = new() { ["x"] = 1 };

    public TaskOnKart<int>? Upstream { get; init; }

    public IReadOnlyList<TaskOnKart<int>> Upstreams { get; init; } = [];

    protected override double Run() => Weight;
}

[CodeVersion("own", TrackCode = false)]
[TaskOptions(StrictCheck = true)]
public sealed class ShapeOwnOptions(int seed) : ShapeBase<int>(seed)
{
    [Parameter(Granularity = DateGranularity.Month)]
    public DateOnly Month { get; init; } = new(2024, 5, 1);

    protected override int Run() => Seed;
}

// Reflection reads [NotParameter] on the property itself only (MemberInfo.IsDefined ignores inherit for properties),
// so this override is a parameter; the shape must agree, whatever the engine later decides about it.
public sealed class ShapeOverridesNotParameter(int seed) : ShapeBase<int>(seed)
{
    public override string Cache { get; set; } = "derived cache";

    protected override int Run() => Seed;
}

public static class ShapeOuter
{
    internal sealed class ShapeNested(int seed) : TaskOnKart<string>
    {
        public int Value { get; set; } = seed;

        protected override string Run() => "nested";
    }

    private sealed class ShapePrivate(int seed) : TaskOnKart<string>
    {
        public int Value { get; set; } = seed;

        protected override string Run() => "private";
    }

    public static Type PrivateType => typeof(ShapePrivate);
}
