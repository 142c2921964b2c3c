using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

public sealed class CancellationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BuildAsync_Cancelled_StopsSchedulingAndLeavesNoPartialOutputs()
    {
        using var cts = new CancellationTokenSource();
        var counter = new RunCounter();
        var task = new Sum { Inputs = [.. Enumerable.Range(0, 8).Select(i => new Slow { Id = i, Counter = counter })] };
        var options = new BuildOptions
        {
            Workspace = _dir.Path,
            Workers = 2,
            Progress = p =>
            {
                if (p.Event == BuildEvent.Succeeded)
                {
                    cts.Cancel();
                }
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Kart.BuildAsync(task, options, cts.Token));

        var outputs = _dir.Files().Where(f => f.StartsWith("GoKart/", StringComparison.Ordinal)).ToList();
        Assert.InRange(outputs.Count, 1, 2);
        Assert.DoesNotContain(_dir.Files(), f => f.Contains(".gokart-tmp-", StringComparison.Ordinal));
        Assert.DoesNotContain(outputs, f => f.Contains("/Sum_", StringComparison.Ordinal));
    }
}
