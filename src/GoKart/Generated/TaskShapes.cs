using System.ComponentModel;

namespace GoKart.Generated;

/// <summary>
/// Task shapes recorded at compile time by the GoKart source generator; not for use in hand-written code.
/// </summary>
/// <remarks>
/// A fresh process's first load would otherwise spend milliseconds reading a task class by reflection (issue 18).
/// The generator emits a module initializer that registers one <see cref="TaskShape"/> factory per task class of the
/// assembly; the engine asks here first and falls back to reflection for any class without one.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskShapes
{
    // Static because module initializers have no other place to put what they know: the registry is a process-wide
    // table of facts about types (a type's shape is the same for every caller), written once per assembly load.
    // A Dictionary under a lock, not a ConcurrentDictionary, for the same start-up reason as TaskDescriptor's cache.
    private static readonly Dictionary<Type, Func<TaskShape>> Known = new(ReferenceEqualityComparer.Instance);
    private static readonly Lock Gate = new();

    /// <summary>Records how to describe <paramref name="taskType"/>; called by generated module initializers.</summary>
    /// <param name="taskType">The concrete task class.</param>
    /// <param name="describe">Makes the shape; called at most once per process, when the engine first needs the class.</param>
    /// <remarks>A second registration for the same type is ignored: the first one is already what the compiler saw.</remarks>
    public static void Register(Type taskType, Func<TaskShape> describe)
    {
        ArgumentNullException.ThrowIfNull(taskType);
        ArgumentNullException.ThrowIfNull(describe);
        lock (Gate)
        {
            Known.TryAdd(taskType, describe);
        }
    }

    /// <summary>The factory registered for exactly <paramref name="taskType"/>, or null.</summary>
    internal static Func<TaskShape>? Find(Type taskType)
    {
        lock (Gate)
        {
            return Known.GetValueOrDefault(taskType);
        }
    }
}
