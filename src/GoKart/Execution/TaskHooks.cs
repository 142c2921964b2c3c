using Microsoft.Extensions.Logging;

namespace GoKart.Execution;

/// <summary>
/// Calls a task's <c>OnSuccess</c>/<c>OnFailure</c> hooks. A hook that throws is logged and changes nothing: the
/// task keeps the outcome it had.
/// </summary>
internal static partial class TaskHooks
{
    public static void Succeeded(BuildSession session, TaskNode node, object? output)
    {
        try
        {
            node.Task.InvokeOnSuccess(output);
        }
        catch (Exception e)
        {
            HookFailed(session.Logger, e, "OnSuccess", node.Label);
        }
    }

    public static string? Failed(BuildSession session, TaskNode node, Exception error)
    {
        try
        {
            return node.Task.InvokeOnFailure(error);
        }
        catch (Exception e)
        {
            HookFailed(session.Logger, e, "OnFailure", node.Label);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Hook} of {Task} threw; the task's outcome is unchanged")]
    private static partial void HookFailed(ILogger logger, Exception exception, string hook, string task);
}
