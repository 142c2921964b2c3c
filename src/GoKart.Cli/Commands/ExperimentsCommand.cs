using System.CommandLine;
using GoKart.Cli.Experiments;

namespace GoKart.Cli.Commands;

/// <summary><c>gokart experiments [DIR]</c>: the table of recorded experiments.</summary>
internal static class ExperimentsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("DIR") { Description = "The experiments directory", DefaultValueFactory = _ => "experiments" };
        var args = new Option<string>("--args")
        {
            Description = "Which argument columns: all, varying (differ between experiments) or non-default",
            DefaultValueFactory = _ => "non-default",
        };
        args.AcceptOnlyFromAmong("all", "varying", "non-default");
        var columns = new Option<string[]>("--columns")
        {
            HelpName = "PREFIX",
            Description = "Show only columns starting with these prefixes (id is always shown), e.g. args. summary.loss",
            AllowMultipleArgumentsPerToken = true,
        };
        var filter = new Option<string?>("--filter") { HelpName = "EXPR", Description = "Keep rows matching, e.g. \"args.lr > 0.01 && status == SUCCESS\"" };
        var sort = new Option<string?>("--sort") { HelpName = "COL", Description = "Sort by this column" };
        var descending = new Option<bool>("--desc") { Description = "Sort descending" };
        var groupBy = new Option<string?>("--group-by") { HelpName = "COL", Description = "One row per value of this column: count, mean of numeric columns, count of others" };
        var tail = new Option<int?>("--tail") { HelpName = "N", Description = "Show only the last N rows" };
        var export = new Option<string?>("--export") { HelpName = "FILE", Description = "Also write the table to FILE.csv, FILE.json or FILE.md" };

        var command = new Command("experiments", "List recorded experiments with their arguments and summaries")
        {
            directory, args, columns, filter, sort, descending, groupBy, tail, export,
        };
        command.SetAction(parsed => ExperimentsListing.Run(
            new ListingRequest
            {
                Directory = parsed.GetValue(directory)!,
                Args = parsed.GetValue(args) switch { "all" => ArgsMode.All, "varying" => ArgsMode.Varying, _ => ArgsMode.NonDefault },
                Columns = parsed.GetValue(columns) ?? [],
                Filter = parsed.GetValue(filter),
                Sort = parsed.GetValue(sort),
                Descending = parsed.GetValue(descending),
                GroupBy = parsed.GetValue(groupBy),
                Tail = parsed.GetValue(tail),
                Export = parsed.GetValue(export),
                Rich = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected,
            },
            output,
            error));
        return command;
    }
}
