using GoKart.Cli.Experiments;

namespace GoKart.Cli.Tests.Experiments;

public sealed class FilterExpressionTests
{
    private static readonly Dictionary<string, object?> Row = new()
    {
        ["id"] = "3",
        ["status"] = "SUCCESS",
        ["args.lr"] = 0.05,
        ["args.optimizer"] = "adam",
        ["args.cuda"] = true,
        ["summary.loss"] = null,
    };

    [Theory]
    [InlineData("args.lr > 0.01 && status == SUCCESS", true)]
    [InlineData("args.lr >= 0.05 && args.lr <= 0.05", true)]
    [InlineData("args.lr < 0.01", false)]
    [InlineData("args.lr != 0.05", false)]
    [InlineData("status == ERROR || args.optimizer == 'adam'", true)]
    [InlineData("status == \"SUCCESS\"", true)]
    [InlineData("!(status == SUCCESS)", false)]
    [InlineData("!status == SUCCESS", false)]
    [InlineData("status == ERROR || status == SUCCESS && args.lr > 1", false)]
    [InlineData("(status == ERROR || status == SUCCESS) && args.lr > 0", true)]
    [InlineData("id > 2", true)]
    [InlineData("id == 3", true)]
    [InlineData("args.cuda", true)]
    [InlineData("args.cuda == true", true)]
    [InlineData("summary.loss", false)]
    [InlineData("summary.loss > 0", false)]
    [InlineData("summary.loss == null", false)]
    [InlineData("args.lr > -1", true)]
    [InlineData("args.lr > 5e-2", false)]
    public void Parse_Expression_EvaluatesAgainstRow(string expression, bool expected)
    {
        var filter = FilterExpression.Parse(expression);

        Assert.Equal(expected, filter(Row));
    }

    [Theory]
    [InlineData("args.lr >", 10)]
    [InlineData("(status == SUCCESS", 19)]
    [InlineData("status == 'open", 11)]
    [InlineData("status = SUCCESS", 8)]
    [InlineData("status == SUCCESS )", 19)]
    [InlineData("&& status", 1)]
    public void Parse_BadExpression_ThrowsNamingPosition(string expression, int position)
    {
        var e = Assert.Throws<FilterSyntaxException>(() => FilterExpression.Parse(expression));

        Assert.Equal(position, e.Position);
        Assert.Contains($"position {position}", e.Message);
    }
}
