using GoKart;

namespace MyPipeline;

/// <summary>The numbers 1 to <see cref="Count"/>: the first step, standing in for loading data.</summary>
public sealed class Numbers : TaskOnKart<IReadOnlyList<int>>
{
    [Parameter(Description = "How many numbers, counting from 1.")]
    public int Count { get; init; } = 10;

    protected override IReadOnlyList<int> Run() => Enumerable.Range(1, Count).ToList();
}

/// <summary>The sum of the squares of <see cref="Input"/>'s numbers: the second step, which needs the first.</summary>
public sealed class SumOfSquares : TaskOnKart<long>
{
    /// <summary>A task parameter: its output is this task's input, and it is built first.</summary>
    public TaskOnKart<IReadOnlyList<int>> Input { get; init; } = new Numbers();

    protected override long Run() => Load(Input).Sum(n => (long)n * n);
}
