namespace GoKart.Ui.Graph;

/// <summary>A laid-out graph as the page draws it.</summary>
internal static class GraphJson
{
    public static object Of(GraphLayoutResult layout, Func<string, string?> runIdOf) => new
    {
        width = layout.Width,
        height = layout.Height,
        columnWidth = GraphLayout.ColumnWidth,
        rowHeight = GraphLayout.RowHeight,
        nodes = layout.Nodes.Select(n => new
        {
            key = n.Key,
            task = n.TaskName,
            state = n.State,
            count = n.Count,
            layer = n.Layer,
            x = n.X,
            y = n.Y,
            run = n.Count == 1 ? runIdOf(n.Key) : null,
        }),
        edges = layout.Edges.Select(e => new[] { e.From, e.To }),
    };
}
