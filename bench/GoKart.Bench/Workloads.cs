using GoKart;

namespace GoKart.Bench;

/// <summary>gokart's benchmark chain: each task loads its parent's int and dumps int+1.</summary>
public sealed class ChainStep : TaskOnKart<int>
{
    public TaskOnKart<int>? Parent { get; init; }

    public int Index { get; init; }

    protected override int Run() => Parent is null ? 0 : Load(Parent) + 1;

    public static ChainStep Build(int length)
    {
        ChainStep? current = null;
        for (var i = 0; i < length; i++)
        {
            current = new ChainStep { Parent = current, Index = i };
        }

        return current!;
    }
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
    public IReadOnlyList<TaskOnKart<int>> Leaves { get; init; } = [];

    protected override long Run() => Load(Leaves).Sum(x => (long)x);

    public static FanRoot Build(int leaves) => new() { Leaves = [.. Enumerable.Range(0, leaves).Select(i => new FanLeaf { Index = i })] };
}

/// <summary>Root of a wide tree for the 100,000-task completeness check.</summary>
public sealed class TreeNode : TaskOnKart<int>
{
    public IReadOnlyList<TaskOnKart<int>> Children { get; init; } = [];

    public int Index { get; init; }

    protected override int Run() => Load(Children).Sum();

    /// <summary>root → <paramref name="branches"/> nodes → leaves: 1 + branches + branches × leavesPerBranch tasks.</summary>
    public static TreeNode Build(int branches, int leavesPerBranch) => new()
    {
        Index = -1,
        Children = [.. Enumerable.Range(0, branches).Select(b => new TreeNode
        {
            Index = b,
            Children = [.. Enumerable.Range(0, leavesPerBranch).Select(l => new FanLeaf { Index = (b * leavesPerBranch) + l })],
        })],
    };
}
