using GoKart.Experiments;
using Spectre.Console;

namespace GoKart.Cli.Experiments;

/// <summary>Runs a listing: read, filter, group, sort, tail, select columns, print and export.</summary>
internal static class ExperimentsListing
{
    public static int Run(ListingRequest request, TextWriter output, TextWriter error)
    {
        if (request.Export is { } export && !TableExport.Extensions.Contains(Path.GetExtension(export).ToLowerInvariant()))
        {
            return Fail(error, $"--export '{export}': the file name must end in {string.Join(", ", TableExport.Extensions)}.");
        }

        if (request.Tail is < 0)
        {
            return Fail(error, "--tail must be 0 or more.");
        }

        Func<IReadOnlyDictionary<string, object?>, bool> filter = _ => true;
        try
        {
            if (!string.IsNullOrWhiteSpace(request.Filter))
            {
                filter = FilterExpression.Parse(request.Filter);
            }
        }
        catch (FilterSyntaxException e)
        {
            return Fail(error, e.Message);
        }

        ExperimentCatalog catalog;
        try
        {
            catalog = ExperimentCatalog.Load(request.Directory);
        }
        catch (DirectoryNotFoundException e)
        {
            return Fail(error, e.Message);
        }

        foreach (var problem in catalog.Problems)
        {
            error.WriteLine("warning: skipped " + problem);
        }

        var allRows = ListingBuilder.Rows(catalog.Experiments);
        var kept = catalog.Experiments.Zip(allRows).Where(p => filter(p.Second)).ToList();
        var records = kept.Select(p => p.First).ToList();
        var rows = kept.Select(p => p.Second).ToList();
        var columns = ListingBuilder.Columns(records, rows, request.Args);
        var table = new ListingTable(columns, rows);
        var known = rows.SelectMany(r => r.Keys).Concat(columns).ToHashSet(StringComparer.Ordinal);

        if (request.GroupBy is { } group)
        {
            if (!known.Contains(group) && rows.Count > 0)
            {
                return Fail(error, $"--group-by '{group}' is not a column; columns are: {string.Join(", ", columns)}.");
            }

            table = TableTransforms.Group(table with { Columns = columns.Contains(group) ? columns : [.. columns, group] }, group);
        }

        if (request.Sort is { } sort)
        {
            if (!known.Contains(sort) && !table.Columns.Contains(sort) && rows.Count > 0)
            {
                return Fail(error, $"--sort '{sort}' is not a column; columns are: {string.Join(", ", table.Columns)}.");
            }

            table = TableTransforms.Sort(table, sort, request.Descending);
        }

        if (request.Tail is { } tail)
        {
            table = TableTransforms.Tail(table, tail);
        }

        table = table with { Columns = ListingBuilder.Select(table.Columns, request.Columns) };
        if (request.Rich)
        {
            Draw(table, output);
        }
        else
        {
            output.Write(TableExport.Plain(table));
        }

        if (request.Export is { } file)
        {
            File.WriteAllText(file, TableExport.Render(table, Path.GetExtension(file)));
            error.WriteLine($"wrote {table.Rows.Count} rows to {file}");
        }

        return GokartCommand.Ok;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("error: " + message);
        return GokartCommand.BadArguments;
    }

    private static void Draw(ListingTable table, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var grid = new Table().Border(TableBorder.Rounded);
        foreach (var column in table.Columns)
        {
            grid.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        foreach (var row in table.Rows)
        {
            grid.AddRow(table.Columns.Select(c => Colour(c, Cells.Format(row.GetValueOrDefault(c)))).ToArray());
        }

        console.Write(grid);
    }

    private static string Colour(string column, string text) => (column, text) switch
    {
        (ListingBuilder.Status, ExperimentStatus.Success) => "[green]" + text + "[/]",
        (ListingBuilder.Status, ExperimentStatus.Error or ExperimentStatus.Dead) => "[red]" + text + "[/]",
        (ListingBuilder.Status, ExperimentStatus.Running) => "[yellow]" + text + "[/]",
        _ => Markup.Escape(text),
    };
}
