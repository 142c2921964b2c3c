using System.CommandLine;
using GoKart.Cli.Tasks;

namespace GoKart.Cli.Commands;

/// <summary><c>gokart ui [WORKSPACE]</c>: serves the read-only web page (runs, graphs, live builds, experiments) until Ctrl+C.</summary>
internal static class UiCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workspace = new Argument<string?>("WORKSPACE") { Description = "The workspace (folder or s3://bucket/prefix); default GOKART_WORKSPACE or ./resources", Arity = ArgumentArity.ZeroOrOne };
        var experiments = new Option<string?>("--experiments") { HelpName = "DIR", Description = "The experiments folder for the Experiments page (default ./experiments when it exists)" };
        var port = new Option<int>("--port") { HelpName = "P", Description = "The port; 0 (the default) picks a free one" };
        var host = new Option<string?>("--host") { HelpName = "H", Description = "The address to bind (default 127.0.0.1; any other exposes the page to the network)" };
        var command = new Command("ui", "Serve a local, read-only web page of the workspace's runs, dependency graphs, live builds and experiments") { workspace, experiments, port, host };
        command.SetAction(parsed => UiAction.Run(
            TasksSettings.Workspace(parsed.GetValue(workspace)), parsed.GetValue(experiments), parsed.GetValue(port), parsed.GetValue(host), output, error));
        return command;
    }
}
