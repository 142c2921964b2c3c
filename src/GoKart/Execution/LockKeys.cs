namespace GoKart.Execution;

/// <summary>Lock names as gokart's Redis lock spells them.</summary>
internal static class LockKeys
{
    public static string Output(TaskNode node) => $"{node.Name}_{node.Id}";

    public static string Output(TaskOnKart task) => $"{task.Descriptor.ClassName}_{task.UniqueId}";

    public static string Run(TaskNode node) => $"{node.Name}_{node.Id}-run";
}
