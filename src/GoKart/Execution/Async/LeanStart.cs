using System.Runtime.CompilerServices;

namespace GoKart.Execution.Async;

/// <summary>
/// The first step of GoKart's own async method builders (issue 18, start-up). The framework's builders start a state
/// machine through <c>AsyncMethodBuilderCore.Start&lt;TStateMachine&gt;</c>, a CoreLib generic method: instantiated over
/// GoKart's state machines it lies outside GoKart's ReadyToRun version bubble, so every async method the engine calls
/// costs two JIT compilations in a fresh process even when it completes synchronously (46 of the 94 methods a one-task
/// build compiled). This copy lives in GoKart, so crossgen2 precompiles it; everything after the first await is
/// delegated to the framework's builder unchanged.
/// </summary>
internal static class LeanStart
{
    /// <summary>
    /// Runs the state machine to its first suspension, then puts back the caller's synchronization context and execution
    /// context (AsyncLocal values) as the framework's Start does, so that nothing the method changed leaks to its caller.
    /// </summary>
    public static void Run<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        var execution = ExecutionContext.Capture();
        if (execution is null)
        {
            // Flow suppressed: a state GoKart never sets up; the framework's Start handles it.
            AsyncTaskMethodBuilder.Create().Start(ref stateMachine);
            return;
        }

        var synchronization = SynchronizationContext.Current;
        try
        {
            stateMachine.MoveNext();
        }
        finally
        {
            if (!ReferenceEquals(SynchronizationContext.Current, synchronization))
            {
                SynchronizationContext.SetSynchronizationContext(synchronization);
            }

            if (!ReferenceEquals(ExecutionContext.Capture(), execution))
            {
                ExecutionContext.Restore(execution);
            }
        }
    }
}
