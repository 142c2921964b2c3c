namespace GoKart.CommandLine;

/// <summary><c>--tree-info-output FILE</c> (gokart's <c>--tree-info-output-path</c>): the table or the tree, by extension.</summary>
internal static class TreeInfoOutput
{
    public static async Task WriteAsync(TaskOnKart root, BuildOptions options, string path, bool details, CancellationToken cancellationToken)
    {
        TaskInfoFormat format;
        try
        {
            format = Kart.TaskInfoFormatOf(path);
        }
        catch (ArgumentException e)
        {
            throw new CommandLineException("--tree-info-output: " + e.Message.Split(" (Parameter", 2)[0]);
        }

        if (format == TaskInfoFormat.Tree)
        {
            var tree = await Kart.TreeInfoAsync(root, options, details, cancellationToken).ConfigureAwait(false);
            await Kart.WriteFileAtomicallyAsync(path, tree + "\n", cancellationToken).ConfigureAwait(false);
            return;
        }

        await Kart.DumpTaskInfoTableAsync(root, path, options, cancellationToken).ConfigureAwait(false);
    }
}
