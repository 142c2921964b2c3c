using System.CommandLine;
using GoKart.Cli.Commands;

namespace GoKart.Cli;

/// <summary>The <c>gokart</c> root command; each verb lives in its own file under Commands/.</summary>
internal static class GokartCommand
{
    public const int Ok = 0;
    public const int BadArguments = 2;

    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("GoKart.NET command-line tool");
        root.Add(ExperimentsCommand.Create(output, error));
        root.Add(TasksCommand.Create(output, error));
        root.Add(UiCommand.Create(output, error));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Create(output, error).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine("error: " + problem.Message);
            }

            return BadArguments;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
