using Microsoft.Extensions.Logging;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>
/// gokart's should_lock_run: a non-blocking run lock per task, so that a task already running in another
/// process is waited for instead of run twice.
/// </summary>
internal static class RunLock
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs the task unless another process completes it meanwhile; true when it ran here.</summary>
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public static async ValueTask<bool> RunOnceAsync(BuildSession session, TaskNode node, bool rerun, CancellationToken cancellationToken)
    {
        if (session.Lock is null || !session.ShouldLockRun(node.Task))
        {
            await TaskRunner.RunAsync(session, node, rerun, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var key = LockKeys.Run(node);
        var waited = false;
        while (true)
        {
            var handle = await session.Lock.TryAcquireAsync(key, cancellationToken).ConfigureAwait(false);
            if (handle is not null)
            {
                await using (handle.ConfigureAwait(false))
                {
                    // Whoever held the lock may have finished the task: do not run it twice.
                    if ((waited || !rerun) && await OutputExistsAsync(session, node, cancellationToken).ConfigureAwait(false))
                    {
                        return false;
                    }

                    await TaskRunner.RunAsync(session, node, rerun, cancellationToken).ConfigureAwait(false);
                    return true;
                }
            }

            if (!waited)
            {
                EngineLog.RunningElsewhere(session.Logger, node.Label);
            }

            waited = true;
            await Task.Delay(PollInterval, session.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    private static async ValueTask<bool> OutputExistsAsync(BuildSession session, TaskNode node, CancellationToken cancellationToken) =>
        await session.Store.ExistsAsync(node.Task.OutputTarget.Path, cancellationToken).ConfigureAwait(false);
}
