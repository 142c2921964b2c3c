using System.Diagnostics.CodeAnalysis;
using System.Text;
using GoKart.Descriptors;
using GoKart.Hashing;

namespace GoKart.CommandLine;

/// <summary><c>--help</c>: the tasks with their parameters (kebab-case), types, defaults and descriptions, and the options.</summary>
internal static class HelpWriter
{
    /// <summary>Above this many tasks, <c>--help</c> lists them under their namespaces.</summary>
    internal const int GroupAbove = 12;

    public static string All(TaskCatalog catalog, string program)
    {
        var sb = Usage(program);
        sb.Append("\nTasks:\n");
        if (catalog.Types.Count == 0)
        {
            sb.Append("  (none: this program defines no task classes with a parameterless constructor)\n");
        }

        var namespaces = catalog.Types.GroupBy(t => t.Namespace ?? string.Empty).ToList();
        if (catalog.Types.Count <= GroupAbove || namespaces.Count == 1)
        {
            foreach (var type in catalog.Types)
            {
                AppendTask(sb, catalog, type);
            }

            return AppendOptions(sb).ToString();
        }

        // Many tasks read better by namespace, as luigi's task families with a namespace do.
        foreach (var group in namespaces.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append("\n ").Append(group.Key.Length == 0 ? "(global namespace)" : group.Key).Append(":\n");
            foreach (var type in group)
            {
                AppendTask(sb, catalog, type);
            }
        }

        return AppendOptions(sb).ToString();
    }

    public static string One(TaskCatalog catalog, Type type, string program)
    {
        var sb = new StringBuilder();
        sb.Append("Usage: ").Append(program).Append(' ').Append(catalog.DisplayName(type)).Append(" [--<parameter>=<value> ...] [options]\n\n");
        AppendTask(sb, catalog, type);
        return AppendOptions(sb).ToString();
    }

    private static StringBuilder Usage(string program) => new StringBuilder()
        .Append("Usage: ").Append(program).Append(" <Task> [--<parameter>=<value> ...] [options]\n")
        .Append("       ").Append(program).Append(" <Task> --help\n");

    private static void AppendTask(StringBuilder sb, TaskCatalog catalog, Type type)
    {
        sb.Append("  ").Append(catalog.DisplayName(type));
        if (Kart.IsExternal(type))
        {
            sb.Append("  (external data)");
        }

        sb.Append('\n');
        TaskDescriptor descriptor;
        try
        {
            descriptor = TaskDescriptor.For(type);
        }
        catch (TaskDefinitionException e)
        {
            sb.Append("      (cannot be run: ").Append(e.Message).Append(")\n");
            return;
        }

        var fresh = Fresh(type);
        var rows = descriptor.Parameters.Select(p => (
            Name: "--" + p.KebabName,
            Type: TypeText.Of(p.Type),
            Default: p.IsRequired ? "(required)" : "default " + DefaultText(p, fresh),
            Description: (p.Description ?? string.Empty) + (p.Significant ? string.Empty : " [not in the unique id]"))).ToList();
        if (rows.Count == 0)
        {
            sb.Append("      (no parameters)\n");
            return;
        }

        var nameWidth = rows.Max(r => r.Name.Length);
        var typeWidth = rows.Max(r => r.Type.Length);
        var defaultWidth = rows.Max(r => r.Default.Length);
        foreach (var row in rows)
        {
            sb.Append("      ").Append(row.Name.PadRight(nameWidth)).Append("  ").Append(row.Type.PadRight(typeWidth))
                .Append("  ").Append(row.Default.PadRight(defaultWidth)).Append("  ").Append(row.Description.Trim());
            TrimEnd(sb);
            sb.Append('\n');
        }
    }

    private static StringBuilder AppendOptions(StringBuilder sb)
    {
        sb.Append("\nAny task's parameter, wherever it is in the graph: --<Task>-<parameter>=<value> (e.g. --SampleTask-param=hello).\n");
        sb.Append("Lists: [1, 2] or 1,2. Dictionaries: {\"a\": 1}. Tasks: {\"type\": \"TaskName\", \"params\": {\"name\": \"value\"}}.\n");
        sb.Append("\nOptions:\n");
        var rows = ArgumentParser.Options.Select(o => ("--" + o.Name + (o.Value is null ? string.Empty : " " + o.Value), o.Description)).ToList();
        var width = rows.Max(r => r.Item1.Length);
        foreach (var (name, description) in rows)
        {
            sb.Append("  ").Append(name.PadRight(width)).Append("  ").Append(description).Append('\n');
        }

        sb.Append("\nConfig: --config FILE, else $GOKART_CONFIG_PATH, else luigi.cfg/gokart.ini here. [TaskName] sections give parameter\n")
            .Append("defaults, [TaskOnKart] or [core] give options (workspace_directory, workers, rerun, log_level, ...); ${ENV_VAR} is replaced.\n")
            .Append("Exit codes: 0 success, 1 task failed, 2 bad arguments or config, 3 missing external data, 4 unexpected error, 130 cancelled.\n");
        return sb;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "The type is a task class (it is cast to TaskOnKart); TaskOnKart's [DynamicallyAccessedMembers] keeps the constructors, properties and methods of every type that derives from it.")]
    private static TaskOnKart? Fresh(Type type)
    {
        try
        {
            return (TaskOnKart?)Activator.CreateInstance(type, nonPublic: true);
        }
        catch (Exception e) when (e is MissingMethodException or System.Reflection.TargetInvocationException)
        {
            return null;
        }
    }

    private static string DefaultText(ParameterDescriptor parameter, TaskOnKart? fresh)
    {
        if (fresh is null)
        {
            return "?";
        }

        var value = parameter.GetValue(fresh);
        return value switch
        {
            null => "None",
            TaskOnKart task => task.Descriptor.ClassName,
            IEnumerable<TaskOnKart> tasks => "[" + string.Join(", ", tasks.Select(t => t.Descriptor.ClassName)) + "]",
            string s => s.Length == 0 ? "\"\"" : s,
            bool b => b ? "true" : "false",
            _ => LuigiSerializer.Serialize(value, parameter.Type),
        };
    }

    private static void TrimEnd(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
    }
}
