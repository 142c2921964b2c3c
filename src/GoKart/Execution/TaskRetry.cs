using Microsoft.Extensions.Logging;
using System.Runtime.CompilerServices;
using GoKart.Execution.Async;

namespace GoKart.Execution;

/// <summary>
/// luigi's retry_count: runs a task, and after a failure runs it again from scratch (a fresh run context, the
/// failed attempt's pending outputs discarded) up to the class's or the build's count. Cancellation and missing
/// external data are never retried. After the last failure the task's <c>OnFailure</c> hook is asked for an
/// explanation.
/// </summary>
internal static partial class TaskRetry
{
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public static async ValueTask<bool> RunAsync(BuildSession session, TaskNode node, bool rerun, CancellationToken cancellationToken)
    {
        var policy = node.Task.Descriptor.Retry;
        var retries = policy?.Count ?? session.Options.RetryCount;
        var delay = policy is not null ? TimeSpan.FromSeconds(policy.DelaySeconds) : session.Options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            node.Attempts = attempt;
            try
            {
                return await RunLock.RunOnceAsync(session, node, rerun, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt <= retries && IsRetryable(e, cancellationToken))
            {
                Retrying(session.Logger, e, node.Label, attempt, retries + 1, delay.TotalSeconds);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, session.Time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                node.FailureExplanation = TaskHooks.Failed(session, node, e);
                throw;
            }
        }
    }

    private static bool IsRetryable(Exception e, CancellationToken cancellationToken) =>
        !(e is OperationCanceledException && cancellationToken.IsCancellationRequested) && e is not MissingExternalDataException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Task} failed on attempt {Attempt} of {Attempts}; retrying in {DelaySeconds} s")]
    private static partial void Retrying(ILogger logger, Exception exception, string task, int attempt, int attempts, double delaySeconds);
}
