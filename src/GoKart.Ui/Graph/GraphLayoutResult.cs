namespace GoKart.Ui.Graph;

/// <summary>Nodes with positions, edges from requirement to dependent (left to right), and the drawing's size.</summary>
internal sealed record GraphLayoutResult(IReadOnlyList<LaidOutNode> Nodes, IReadOnlyList<(string From, string To)> Edges, double Width, double Height);
