using GoKart.Descriptors;

namespace GoKart.CommandLine;

/// <summary>
/// Matches <c>--name[=value]</c> arguments to the root task's parameters (kebab-case of the property names;
/// snake_case is accepted too) or, as <c>--Family-param</c>, to a parameter of any known task class.
/// </summary>
internal static class ParameterBinder
{
    /// <summary>Registers <c>--Family-param</c> values with the tasks and returns the root's own values.</summary>
    public static List<Assignment> Bind(ParsedArguments parsed, Type rootType, TaskCatalog catalog, TaskConfigurator tasks, string program)
    {
        var root = TaskDescriptor.For(rootType);
        var rootName = catalog.DisplayName(rootType);
        var rootArguments = new List<(ParameterDescriptor Parameter, ParameterArgument Argument)>();
        foreach (var argument in parsed.Parameters)
        {
            if (TaskConfigurator.FindParameter(root, argument.Name) is { } own)
            {
                rootArguments.Add((own, argument));
                continue;
            }

            var dash = argument.Name.IndexOf('-', StringComparison.Ordinal);
            var family = dash > 0 ? catalog.TryResolve(argument.Name[..dash]) : null;
            if (family is null)
            {
                var candidates = root.Parameters.Select(p => p.KebabName).Concat(ArgumentParser.Options.Select(o => o.Name));
                var hint = NearestName.Hint(argument.Name, candidates, "--");
                if (hint.Length == 0 && dash > 0 && NearestName.Find(argument.Name[..dash], catalog.Types.Select(catalog.DisplayName)) is { } nearFamily)
                {
                    hint = $" Did you mean '--{nearFamily}{argument.Name[dash..]}'?";
                }

                throw new CommandLineException(
                    $"Unknown option '{argument.Display}' for task {rootName}.{hint} Run '{program} {rootName} --help' to list its parameters.");
            }

            var familyDescriptor = TaskDescriptor.For(family);
            var familyName = argument.Name[..dash];
            var rest = argument.Name[(dash + 1)..];
            var parameter = TaskConfigurator.FindParameter(familyDescriptor, rest) ?? throw new CommandLineException(
                $"Task {familyName} has no parameter '{rest}' ({argument.Display})."
                + NearestName.Hint(rest, familyDescriptor.Parameters.Select(p => p.KebabName), $"--{familyName}-")
                + $" Its parameters: {TaskConfigurator.ParameterList(familyDescriptor)}.");
            tasks.AddFamilyArgument(family, parameter, ValueText(argument, parameter), argument.Display);
        }

        return [.. rootArguments.Select(a => new Assignment(a.Parameter, tasks.Parser.Parse(ValueText(a.Argument, a.Parameter), a.Parameter.Type, a.Argument.Display), a.Argument.Display))];
    }

    private static string ValueText(ParameterArgument argument, ParameterDescriptor parameter) =>
        argument.Value ?? (parameter.Type.Kind == ParameterKind.Bool
            ? "true"
            : throw new CommandLineException($"{argument.Display} needs a value: {argument.Display}=<{TypeText.Of(parameter.Type)}>."));
}
