using GoKart.Ui.Graph;

namespace GoKart.Ui.Tests;

/// <summary>The layered layout: requirements left of dependents, siblings past the threshold collapsed.</summary>
public sealed class GraphLayoutTests
{
    private static GraphNode Node(string key, string task, params string[] requires) => new(key, task, "complete", requires);

    [Fact]
    public void Layout_PutsRequirementsLeftOfDependents_InLongestChainColumns()
    {
        // d → c → a, d → b → a (and d → a directly): a leftmost, then b and c, then d.
        var layout = GraphLayout.Layout([Node("d", "D", "b", "c", "a"), Node("c", "C", "a"), Node("b", "B", "a"), Node("a", "A")]);
        var layer = layout.Nodes.ToDictionary(n => n.Key, n => n.Layer);
        Assert.Equal((0, 1, 1, 2), (layer["a"], layer["b"], layer["c"], layer["d"]));
        Assert.Equal(5, layout.Edges.Count);
        Assert.All(layout.Nodes, n => Assert.Equal(n.Layer * GraphLayout.ColumnWidth, n.X));
        Assert.Equal(2, layout.Nodes.Where(n => n.Layer == 1).Select(n => n.Y).Distinct().Count());
    }

    [Theory]
    [InlineData(20, 21)]
    [InlineData(21, 2)]
    public void Layout_CollapsesSameClassSiblingsPastTheThreshold(int siblings, int expectedNodes)
    {
        var leaves = Enumerable.Range(0, siblings).Select(i => Node("leaf" + i, "Leaf")).ToList();
        var root = Node("root", "Root", [.. leaves.Select(l => l.Key)]);
        var layout = GraphLayout.Layout([root, .. leaves], ["root"]);
        Assert.Equal(expectedNodes, layout.Nodes.Count);
        Assert.Equal(siblings, layout.Nodes.Where(n => n.TaskName == "Leaf").Sum(n => n.Count));
    }

    [Fact]
    public void Layout_TwoThousandTasks_StayReadable_AndGroupStatesShowTheWorst()
    {
        // 1,000 Train tasks each needing its own Load, all feeding one Report: 2,001 tasks.
        var nodes = new List<GraphNode> { Node("report", "Report", [.. Enumerable.Range(0, 1000).Select(i => "train" + i)]) };
        nodes.AddRange(Enumerable.Range(0, 1000).Select(i => new GraphNode("train" + i, "Train", i == 7 ? "failed" : "done", ["load" + i])));
        nodes.AddRange(Enumerable.Range(0, 1000).Select(i => Node("load" + i, "Load")));
        var layout = GraphLayout.Layout(nodes);
        Assert.Equal(3, layout.Nodes.Count);
        var train = layout.Nodes.Single(n => n.TaskName == "Train");
        Assert.Equal((1000, "failed"), (train.Count, train.State));
        Assert.Equal(1000, layout.Nodes.Single(n => n.TaskName == "Load").Count);
        Assert.Equal(2, layout.Edges.Count);
    }

    [Fact]
    public void Layout_NodesOutsideTheRootsUpstream_AreLeftOut_AndCyclesDoNotHang()
    {
        var layout = GraphLayout.Layout([Node("a", "A", "b"), Node("b", "B", "a"), Node("x", "X")], ["a"]);
        Assert.Equal(["a", "b"], layout.Nodes.Select(n => n.Key).Order(StringComparer.Ordinal));
    }
}
