using GoKart.Locking;

namespace GoKart.Remote.Tests.Locking;

/// <summary>What every <see cref="ITaskLock"/> must do; each backend derives once.</summary>
public abstract class TaskLockContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract ITaskLock CreateLock();

    protected static string NewKey() => "Contract_" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Returns once the backend has turned the pending <paramref name="waiter"/> away at least once (or the waiter
    /// finished, which the caller then reports): the state "blocked on a held lock" that a test needs before it
    /// releases or cancels. An <c>AcquireAsync</c> that has returned an unfinished task is queued in process, so
    /// the default returns at once; a polling backend overrides this to watch its server.
    /// </summary>
    protected virtual Task WaitUntilRefusedAsync(Task waiter) => Task.CompletedTask;

    /// <summary>Called before the waiter starts, so that <see cref="WaitUntilRefusedAsync"/> counts only its attempts.</summary>
    protected virtual Task MarkAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryAcquireAsync_Free_ReturnsHandle()
    {
        var locks = CreateLock();
        var handle = await locks.TryAcquireAsync(NewKey(), None);
        Assert.NotNull(handle);
        await handle.DisposeAsync();
    }

    [Fact]
    public async Task TryAcquireAsync_Held_ReturnsNullUntilReleased()
    {
        var locks = CreateLock();
        var key = NewKey();
        var held = await locks.TryAcquireAsync(key, None);
        Assert.NotNull(held);
        Assert.Null(await locks.TryAcquireAsync(key, None));
        await held.DisposeAsync();
        var again = await locks.TryAcquireAsync(key, None);
        Assert.NotNull(again);
        await again.DisposeAsync();
    }

    [Fact]
    public async Task TryAcquireAsync_OtherKey_IsIndependent()
    {
        var locks = CreateLock();
        await using var first = await locks.AcquireAsync(NewKey(), None);
        var second = await locks.TryAcquireAsync(NewKey(), None);
        Assert.NotNull(second);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task AcquireAsync_Held_ReturnsOnlyAfterRelease()
    {
        var locks = CreateLock();
        var key = NewKey();
        var holder = await locks.AcquireAsync(key, None);
        await MarkAsync();
        var waiter = locks.AcquireAsync(key, None).AsTask();
        await WaitUntilRefusedAsync(waiter);
        Assert.False(waiter.IsCompleted, "AcquireAsync returned while another holder had the lock");

        await holder.DisposeAsync();
        await using var handle = await waiter.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(await locks.TryAcquireAsync(key, None)); // the waiter holds it now
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileHeld_Throws()
    {
        var locks = CreateLock();
        var key = NewKey();
        await using var holder = await locks.AcquireAsync(key, None);
        using var cancel = new CancellationTokenSource();
        await MarkAsync();
        var waiter = locks.AcquireAsync(key, cancel.Token).AsTask();
        await WaitUntilRefusedAsync(waiter);
        Assert.False(waiter.IsCompleted, "AcquireAsync returned while another holder had the lock");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(TimeSpan.FromSeconds(30)));
        // Cancelling the waiter took nothing from the holder.
        Assert.Null(await locks.TryAcquireAsync(key, None));
    }

    [Fact]
    public async Task AcquireAsync_ConcurrentHolders_AreMutuallyExclusive()
    {
        var locks = CreateLock();
        var key = NewKey();
        var inside = 0;
        var maxInside = 0;
        var count = 0;
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await using var handle = await locks.AcquireAsync(key, None);
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                var read = count;
                await Task.Yield();
                count = read + 1;
                Interlocked.Decrement(ref inside);
            }
        })));
        Assert.Equal(1, maxInside);
        Assert.Equal(30, count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

public sealed class InProcessTaskLockContractTests : TaskLockContractTests
{
    protected override ITaskLock CreateLock() => new InProcessTaskLock();
}
