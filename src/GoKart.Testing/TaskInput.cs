namespace GoKart.Testing;

/// <summary>A value to stand in for the output of one of a task's requirements in <see cref="TaskTester"/>.</summary>
public sealed class TaskInput
{
    private TaskInput(TaskOnKart task, object? value, Type type)
    {
        Task = task;
        Value = value;
        Type = type;
    }

    /// <summary>The required task whose output is given.</summary>
    public TaskOnKart Task { get; }

    /// <summary>The output to use instead of running <see cref="Task"/>.</summary>
    public object? Value { get; }

    internal Type Type { get; }

    /// <summary>Gives <paramref name="value"/> as the output of <paramref name="task"/>.</summary>
    public static TaskInput For<T>(TaskOnKart<T> task, T value)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TaskInput(task, value, typeof(T));
    }
}
