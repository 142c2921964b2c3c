using GoKart;

// The 1000-task graph of bench/slurm.sh: 20 chains of 50 cells, gathered by one root (1001 tasks).
// Run as any Kart.Run program: `Grid --executor slurm --config slurm.ini`; without --executor it builds locally.
return await Kart.RunAsync(args);

/// <summary>Cell n of a chain: its value plus the previous cell's; sleeps GOKART_BENCH_TASK_MS (default 0).</summary>
public sealed class Cell : TaskOnKart<long>
{
    public int Chain { get; init; }

    public int Index { get; init; }

    protected override Dependencies Requires() => Index > 0 ? new TaskOnKart[] { new Cell { Chain = Chain, Index = Index - 1 } } : Dependencies.None;

    protected override async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("GOKART_BENCH_TASK_MS"), out var ms) && ms > 0)
        {
            await Task.Delay(ms, cancellationToken);
        }

        return Index == 0 ? Chain : await LoadAsync(new Cell { Chain = Chain, Index = Index - 1 }, cancellationToken) + Index;
    }
}

/// <summary>The root: the last cell of every chain.</summary>
public sealed class Grid : TaskOnKart<long>
{
    public int Chains { get; init; } = 20;

    public int Length { get; init; } = 50;

    protected override Dependencies Requires() => Ends().ToArray();

    protected override async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        long sum = 0;
        foreach (var end in Ends())
        {
            sum += await LoadAsync(end, cancellationToken);
        }

        return sum;
    }

    private IEnumerable<Cell> Ends() => Enumerable.Range(0, Chains).Select(c => new Cell { Chain = c, Index = Length - 1 });
}
