using System.Text.Json.Nodes;
using GoKart.Cli.Experiments;

namespace GoKart.Cli.Tests.Experiments;

public sealed class ExperimentsListingTests
{
    [Fact]
    public void Run_Rich_DrawsSpectreTable()
    {
        using var folder = new ExperimentsFolder();
        folder.Add("1", "SUCCESS", new JsonObject { ["lr"] = 0.5 }, new JsonObject { ["loss"] = 0.25 });
        var output = new StringWriter();

        var code = ExperimentsListing.Run(new ListingRequest { Directory = folder.Path, Rich = true }, output, new StringWriter());

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("╭", text);
        Assert.Contains("│ 1  │", text);
        Assert.Contains("SUCCESS", text);
        Assert.Contains("0.25", text);
    }
}
