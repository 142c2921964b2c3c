using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;

namespace GoKart.Experiments;

/// <summary>The System.CommandLine integration: the experiment options and separating them from the program's own.</summary>
public sealed partial class Experiment
{
    private const string ProjectDirectoryName = "--project-directory";
    private const string ExperimentsDirectoryName = "--experiments-directory";
    private const string ExperimentIdName = "--experiment-id";
    private const string DescriptionName = "--description";
    private const string NoRecordName = "--norecord";
    private const string AllowDirtyName = "--allow-dirty";

    private static readonly string[] OptionNames =
        [ProjectDirectoryName, ExperimentsDirectoryName, ExperimentIdName, DescriptionName, NoRecordName, AllowDirtyName];

    private static readonly MethodInfo GetOptionValue = typeof(ParseResult).GetMethods()
        .Single(m => m.Name == nameof(ParseResult.GetValue) && m.IsGenericMethodDefinition
                     && m.GetParameters() is [{ ParameterType: { IsGenericType: true } p }] && p.GetGenericTypeDefinition() == typeof(Option<>));

    private static readonly MethodInfo GetArgumentValue = typeof(ParseResult).GetMethods()
        .Single(m => m.Name == nameof(ParseResult.GetValue) && m.IsGenericMethodDefinition
                     && m.GetParameters() is [{ ParameterType: { IsGenericType: true } p }] && p.GetGenericTypeDefinition() == typeof(Argument<>));

    /// <summary>
    /// Adds <c>--project-directory</c>, <c>--experiments-directory</c>, <c>--experiment-id</c>, <c>--description</c>,
    /// <c>--norecord</c> and <c>--allow-dirty</c> to <paramref name="command"/> (recursive, so subcommands see them too).
    /// </summary>
    public static void AddOptions(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(new Option<string?>(ProjectDirectoryName)
        {
            Description = "Experiments: a directory inside the program's git repository (default: the current directory)",
            Recursive = true,
        });
        command.Add(new Option<string?>(ExperimentsDirectoryName)
        {
            Description = "Experiments: where experiment folders go, relative to the project directory (default: experiments)",
            Recursive = true,
        });
        command.Add(new Option<string?>(ExperimentIdName)
        {
            Description = "Experiments: resume this experiment (same arguments and commit) or create it with this id",
            Recursive = true,
        });
        command.Add(new Option<string>(DescriptionName)
        {
            Description = "Experiments: a description stored in metadata.json",
            DefaultValueFactory = _ => "",
            Recursive = true,
        });
        command.Add(new Option<bool>(NoRecordName)
        {
            Description = "Experiments: run without recording anything (no git checks)",
            Recursive = true,
        });
        command.Add(new Option<bool>(AllowDirtyName)
        {
            Description = "Experiments: record even with uncommitted changes to tracked files (saved as uncommitted.patch)",
            Recursive = true,
        });
    }

    /// <summary>
    /// Starts recording from a parse of a command prepared with <see cref="AddOptions"/>: the experiment options
    /// configure the recording, every other option and argument of the parsed command goes to <c>args.json</c>.
    /// </summary>
    /// <exception cref="ExperimentException">The parse has errors, or the command lacks the experiment options.</exception>
    public static Experiment FromParseResult(ParseResult parseResult, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.Errors.Count > 0)
        {
            throw new ExperimentException(
                "The command line has errors, so no experiment was started: " + string.Join("; ", parseResult.Errors.Select(e => e.Message)));
        }

        var symbols = ProgramSymbols(parseResult.CommandResult.Command);
        if (!symbols.Experiment.TryGetValue(NoRecordName, out var noRecord))
        {
            throw new ExperimentException($"Command '{parseResult.CommandResult.Command.Name}' has no experiment options; call Experiment.AddOptions on it first.");
        }

        var options = new ExperimentOptions
        {
            ProjectDirectory = Value<string?>(parseResult, symbols.Experiment[ProjectDirectoryName]),
            ExperimentsDirectory = Value<string?>(parseResult, symbols.Experiment[ExperimentsDirectoryName]),
            ExperimentId = Value<string?>(parseResult, symbols.Experiment[ExperimentIdName]),
            Description = Value<string?>(parseResult, symbols.Experiment[DescriptionName]) ?? "",
            NoRecord = Value<bool>(parseResult, noRecord),
            AllowDirty = Value<bool>(parseResult, symbols.Experiment[AllowDirtyName]),
            TimeProvider = timeProvider ?? TimeProvider.System,
        };
        var args = Values(parseResult, symbols.Program, tolerateErrors: false);
        var defaults = Values(parseResult.RootCommandResult.Command.Parse(CommandPath(parseResult)), symbols.Program, tolerateErrors: true);
        return new Experiment(options, args, defaults);
    }

    private static (Dictionary<string, Option> Experiment, List<Symbol> Program) ProgramSymbols(Command command)
    {
        var experiment = new Dictionary<string, Option>(StringComparer.Ordinal);
        var program = new List<Symbol>();
        var chain = new List<Command>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            chain.Add(c);
        }

        for (var i = 0; i < chain.Count; i++)
        {
            foreach (var option in chain[i].Options.Where(o => i == 0 || o.Recursive))
            {
                if (OptionNames.Contains(option.Name, StringComparer.Ordinal))
                {
                    experiment.TryAdd(option.Name, option);
                }
                else if (option is not HelpOption and not VersionOption)
                {
                    program.Add(option);
                }
            }
        }

        program.AddRange(command.Arguments);
        return (experiment, program);
    }

    /// <summary>The subcommand names leading to the parsed command, so defaults are read for the same command.</summary>
    private static string[] CommandPath(ParseResult parseResult)
    {
        var path = new List<string>();
        for (var result = parseResult.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            path.Insert(0, result.Command.Name);
        }

        return [.. path];
    }

    private static Dictionary<string, object?> Values(ParseResult parseResult, List<Symbol> symbols, bool tolerateErrors)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            var key = symbol.Name.TrimStart('-', '/');
            try
            {
                values[key] = symbol switch
                {
                    Option option => GetOptionValue.MakeGenericMethod(option.ValueType).Invoke(parseResult, [option]),
                    Argument argument => GetArgumentValue.MakeGenericMethod(argument.ValueType).Invoke(parseResult, [argument]),
                    _ => null,
                };
            }
            catch (TargetInvocationException) when (tolerateErrors)
            {
                // A required argument has no value without input: its default is recorded as null.
                values[key] = null;
            }
        }

        return values;
    }

    private static T Value<T>(ParseResult parseResult, Option option) => parseResult.GetValue((Option<T>)option)!;
}
