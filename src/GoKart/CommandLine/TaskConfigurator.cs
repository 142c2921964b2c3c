using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using GoKart.Descriptors;
using GoKart.Hashing;

namespace GoKart.CommandLine;

/// <summary>
/// Creates tasks from the command line and fills in configured parameter values. Precedence: values given
/// explicitly (in C#, or for the root on the command line) &gt; <c>--Family-param</c> &gt; config file &gt;
/// property default. For a task made by <c>Requires()</c> in code, a property counts as set explicitly
/// when its value differs from the value a fresh instance has; only the others take configured values.
/// </summary>
internal sealed class TaskConfigurator
{
    private readonly TaskCatalog _catalog;
    private readonly IReadOnlyList<IniFile> _files;
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly List<(Type Family, ParameterDescriptor Parameter, string Text, string Origin)> _familyArguments = [];
    private readonly Dictionary<Type, List<Assignment>> _configured = [];
    private readonly HashSet<Type> _reading = [];
    private readonly HashSet<TaskOnKart> _created = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, TaskOnKart?> _defaults = [];
    private readonly ValueParser _parser;

    public TaskConfigurator(TaskCatalog catalog, IReadOnlyList<IniFile> files, Func<string, string?> getEnvironmentVariable)
    {
        _catalog = catalog;
        _files = files;
        _getEnvironmentVariable = getEnvironmentVariable;
        _parser = new ValueParser(ReadTask);
    }

    /// <summary>Every task instance seen while building the graph, for the summary.</summary>
    public List<TaskOnKart> Seen { get; } = [];

    public ValueParser Parser => _parser;

    /// <summary>Parses every section of a known task in every config file, so a bad value fails before anything runs.</summary>
    public void ValidateConfiguration()
    {
        foreach (var file in _files)
        {
            foreach (var section in file.Sections.Where(s => !BuildSettings.Sections.Contains(s.Name, StringComparer.Ordinal)))
            {
                Type? type;
                try
                {
                    type = _catalog.TryResolve(section.Name);
                }
                catch (CommandLineException e)
                {
                    throw new CommandLineException($"{file.Path}:{section.Line} [{section.Name}]: {e.Message}");
                }

                if (type is not null)
                {
                    Configured(type);
                }
            }
        }
    }

    /// <summary>
    /// Adds a <c>--Family-param=value</c> for every task of that class. Values are parsed when first needed, so
    /// a task given as JSON in one of them still gets the <c>--Family-param</c> values given after it.
    /// </summary>
    public void AddFamilyArgument(Type family, ParameterDescriptor parameter, string text, string origin) =>
        _familyArguments.Add((family, parameter, text, origin));

    /// <summary>Creates a task: configured values first, then <paramref name="explicitValues"/>; checks required parameters.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "The type is a task class (it is cast to TaskOnKart); TaskOnKart's [DynamicallyAccessedMembers] keeps the constructors, properties and methods of every type that derives from it.")]
    public TaskOnKart Create(Type type, IReadOnlyList<Assignment> explicitValues, Func<ParameterDescriptor, string> howToGive)
    {
        var task = (TaskOnKart)Activator.CreateInstance(type, nonPublic: true)!;
        var configured = Configured(type);
        foreach (var assignment in configured.Concat(explicitValues))
        {
            Set(task, assignment);
        }

        foreach (var parameter in TaskDescriptor.For(type).Parameters.Where(p => p.IsRequired))
        {
            if (!configured.Concat(explicitValues).Any(a => a.Parameter == parameter))
            {
                var name = _catalog.DisplayName(type);
                throw new CommandLineException(
                    $"Missing required parameter '{parameter.SnakeName}' ({TypeText.Of(parameter.Type)}) of task {name}. {howToGive(parameter)}");
            }
        }

        _created.Add(task);
        return task;
    }

    /// <summary>The graph hook: gives a task made in code the configured values of the properties it left at their defaults.</summary>
    public void Prepare(TaskOnKart task)
    {
        Seen.Add(task);
        if (_created.Contains(task))
        {
            return;
        }

        var assignments = Configured(task.GetType());
        if (assignments.Count == 0 || DefaultOf(task.GetType()) is not { } fresh)
        {
            return;
        }

        var changed = false;
        foreach (var assignment in assignments)
        {
            var parameter = assignment.Parameter;
            if (IsLeftAtDefault(parameter, parameter.GetValue(task), parameter.GetValue(fresh)))
            {
                Set(task, assignment);
                changed = true;
            }
        }

        if (changed)
        {
            task.CachedUniqueId = null;
        }
    }

    /// <summary>Config then <c>--Family-param</c> values for a task class, later ones replacing earlier ones.</summary>
    public IReadOnlyList<Assignment> Configured(Type type)
    {
        if (_configured.TryGetValue(type, out var known))
        {
            return known;
        }

        if (!_reading.Add(type))
        {
            throw new CommandLineException($"The configured values of task {type.Name} refer to task {type.Name} itself; break the cycle.");
        }

        var result = new List<Assignment>();
        var descriptor = TaskDescriptor.For(type);
        foreach (var file in _files)
        {
            foreach (var section in file.Sections.Where(s => _catalog.TryResolve(s.Name) == type))
            {
                foreach (var entry in section.Entries)
                {
                    var origin = $"{file.Path}:{entry.Line} [{section.Name}] {entry.Key}";
                    var parameter = FindParameter(descriptor, entry.Key) ?? throw new CommandLineException(
                        $"{origin}: task {section.Name} has no parameter '{entry.Key}'."
                        + NearestName.Hint(entry.Key, descriptor.Parameters.Select(p => p.SnakeName))
                        + $" Its parameters: {ParameterList(descriptor)}.");
                    var text = IniFile.Interpolate(entry.Value, _getEnvironmentVariable, origin);
                    Replace(result, new Assignment(parameter, _parser.Parse(text, parameter.Type, origin), origin));
                }
            }
        }

        foreach (var (_, parameter, text, origin) in _familyArguments.Where(a => a.Family == type))
        {
            Replace(result, new Assignment(parameter, _parser.Parse(text, parameter.Type, origin), origin));
        }

        _reading.Remove(type);
        _configured[type] = result;
        return result;
    }

    public static ParameterDescriptor? FindParameter(TaskDescriptor descriptor, string key)
    {
        var snake = key.Replace('-', '_');
        return descriptor.FindParameter(key)
            ?? descriptor.Parameters.FirstOrDefault(p => string.Equals(p.SnakeName, snake, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    public static string ParameterList(TaskDescriptor descriptor) =>
        descriptor.Parameters.Length == 0 ? "(none)" : string.Join(", ", descriptor.Parameters.Select(p => p.SnakeName));

    private TaskOnKart ReadTask(JsonElement element, ParameterType expected, string origin)
    {
        string typeName;
        JsonElement? parameters = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                typeName = element.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is not ("type" or "params"))
                    {
                        throw new CommandLineException($"{origin}: unexpected key '{property.Name}' in a task; write {{\"type\": \"TaskName\", \"params\": {{...}}}}.");
                    }
                }

                typeName = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()!
                    : throw new CommandLineException($"{origin}: a task needs \"type\": write {{\"type\": \"TaskName\", \"params\": {{...}}}}.");
                if (element.TryGetProperty("params", out var p))
                {
                    parameters = p.ValueKind == JsonValueKind.Object
                        ? p
                        : throw new CommandLineException($"{origin}: \"params\" of task {typeName} must be a JSON object.");
                }

                break;
            default:
                throw new CommandLineException($"{origin}: expected a task as {{\"type\": \"TaskName\", \"params\": {{...}}}}, got {element.ValueKind.ToString().ToUpperInvariant()}.");
        }

        var type = _catalog.TryResolve(typeName) ?? throw new CommandLineException(
            $"{origin}: unknown task '{typeName}'.{NearestName.Hint(typeName, _catalog.Types.Select(_catalog.DisplayName))} Run with --help to list the tasks.");
        var wanted = expected.ValueType;
        if (!wanted.IsAssignableFrom(type))
        {
            throw new CommandLineException($"{origin}: task {typeName} is not a {TypeText.Of(expected)}; give a task of that type.");
        }

        var descriptor = TaskDescriptor.For(type);
        var values = new List<Assignment>();
        if (parameters is { } given)
        {
            foreach (var property in given.EnumerateObject())
            {
                var where = $"{origin} ({typeName}.{property.Name})";
                var parameter = FindParameter(descriptor, property.Name) ?? throw new CommandLineException(
                    $"{origin}: task {typeName} has no parameter '{property.Name}'."
                    + NearestName.Hint(property.Name, descriptor.Parameters.Select(d => d.SnakeName))
                    + $" Its parameters: {ParameterList(descriptor)}.");
                values.Add(new Assignment(parameter, _parser.ParseJson(property.Value, parameter.Type, where), where));
            }
        }

        return Create(type, values, p => $"Add \"{p.SnakeName}\" to the \"params\" of {typeName} in {origin}.");
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "The type is a task class (it is cast to TaskOnKart); TaskOnKart's [DynamicallyAccessedMembers] keeps the constructors, properties and methods of every type that derives from it.")]
    private TaskOnKart? DefaultOf(Type type)
    {
        if (!_defaults.TryGetValue(type, out var fresh))
        {
            try
            {
                fresh = (TaskOnKart?)Activator.CreateInstance(type, nonPublic: true);
            }
            catch (Exception e) when (e is MissingMethodException or TargetInvocationException)
            {
                // Without a fresh instance there is no telling what the code set; leave the task as it is.
                fresh = null;
            }

            _defaults[type] = fresh;
        }

        return fresh;
    }

    private static bool IsLeftAtDefault(ParameterDescriptor parameter, object? current, object? fresh)
    {
        if (parameter.IsTask)
        {
            return current is null;
        }

        return LuigiSerializer.Serialize(current, parameter.Type) == LuigiSerializer.Serialize(fresh, parameter.Type);
    }

    private static void Replace(List<Assignment> list, Assignment assignment)
    {
        list.RemoveAll(a => a.Parameter == assignment.Parameter);
        list.Add(assignment);
    }

    private static void Set(TaskOnKart task, Assignment assignment)
    {
        try
        {
            assignment.Parameter.SetValue(task, assignment.Value);
        }
        catch (TargetInvocationException e)
        {
            throw new CommandLineException($"{assignment.Origin}: task {task.Descriptor.ClassName} rejected the value: {e.InnerException?.Message ?? e.Message}");
        }
    }
}
