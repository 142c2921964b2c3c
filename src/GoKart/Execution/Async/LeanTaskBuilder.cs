using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoKart.Execution.Async;

/// <summary>
/// Task method builder of GoKart's own (<c>[AsyncMethodBuilder(typeof(LeanTaskBuilder))]</c> on an engine method): starts through
/// <see cref="LeanStart"/>, which ReadyToRun precompiles, and otherwise is <see cref="AsyncTaskMethodBuilder"/>.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct LeanTaskBuilder
{
    private AsyncTaskMethodBuilder _inner;

    public Task Task => _inner.Task;

    public static LeanTaskBuilder Create() => new() { _inner = AsyncTaskMethodBuilder.Create() };

#pragma warning disable CA1822 // The compiler calls Start on the builder instance.
    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine => LeanStart.Run(ref stateMachine);
#pragma warning restore CA1822

    public void SetStateMachine(IAsyncStateMachine stateMachine) => _inner.SetStateMachine(stateMachine);

    public void SetResult() => _inner.SetResult();

    public void SetException(Exception exception) => _inner.SetException(exception);

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine => _inner.AwaitOnCompleted(ref awaiter, ref stateMachine);

    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine => _inner.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
}
