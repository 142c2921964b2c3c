using GoKart.Execution;
using GoKart.Storage;

namespace GoKart.Bench;

/// <summary>Writes the output of every task of a graph directly (no run, no logs) to set up completeness checks.</summary>
internal static class Outputs
{
    public static async Task CreateAllAsync(TaskOnKart root, string workspace)
    {
        var store = new LocalFileStore(workspace);
        foreach (var node in TaskGraph.Build(root).Nodes)
        {
            var write = await store.BeginWriteAsync(node.Task.OutputTarget.Path, CancellationToken.None);
            await using (write)
            {
                await write.Stream.WriteAsync("0"u8.ToArray());
                await write.CommitAsync(CancellationToken.None);
            }
        }
    }
}
