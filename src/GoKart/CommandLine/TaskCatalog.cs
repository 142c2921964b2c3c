using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using GoKart.Descriptors;

namespace GoKart.CommandLine;

/// <summary>
/// The tasks a program can run by name: every non-abstract task class with a parameterless constructor in
/// the given assemblies. Names resolve by class name, or by full name when two classes share one.
/// </summary>
internal sealed class TaskCatalog
{
    private readonly Dictionary<string, List<Type>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _byFullName = new(StringComparer.Ordinal);

    public TaskCatalog(IEnumerable<Assembly> assemblies)
    {
        var types = new List<Type>();
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var type in LoadableTypes(assembly))
            {
                if (IsRunnable(type) && _byFullName.TryAdd(FullName(type), type))
                {
                    types.Add(type);
                }
            }
        }

        Types = [.. types.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(FullName, StringComparer.Ordinal)];
        foreach (var type in Types)
        {
            var name = ClassName(type);
            if (!_byName.TryGetValue(name, out var list))
            {
                _byName[name] = list = [];
            }

            list.Add(type);
        }
    }

    /// <summary>Known task types, by class name.</summary>
    public IReadOnlyList<Type> Types { get; }

    /// <summary>The name to show for a type: the class name, or the full name when it is ambiguous.</summary>
    public string DisplayName(Type type)
    {
        var name = ClassName(type);
        return _byName.TryGetValue(name, out var list) && list.Count > 1 ? FullName(type) : name;
    }

    /// <summary>The class name without generic arity (what <see cref="TaskDescriptor.ClassName"/> gives, without reading the parameters).</summary>
    public static string ClassName(Type type)
    {
        var backtick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return backtick < 0 ? type.Name : type.Name[..backtick];
    }

    public static string FullName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    /// <summary>The type of a task name; null when unknown. Throws for an ambiguous short name.</summary>
    public Type? TryResolve(string name)
    {
        if (_byName.TryGetValue(name, out var list))
        {
            if (list.Count == 1)
            {
                return list[0];
            }

            throw new CommandLineException(
                $"Task name '{name}' is ambiguous: {string.Join(", ", list.Select(FullName))}. Use the full name.");
        }

        return _byFullName.GetValueOrDefault(name);
    }

    public Type Resolve(string name) =>
        TryResolve(name) ?? throw new CommandLineException(
            $"Unknown task '{name}'.{NearestName.Hint(name, _byName.Keys.Concat(_byFullName.Keys))} Run with --help to list the tasks.");

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The type derives from TaskOnKart (checked by the caller or just above); TaskOnKart's [DynamicallyAccessedMembers] keeps the constructors, properties and methods of every type that derives from it.")]
    private static bool IsRunnable(Type type) =>
        typeof(TaskOnKart).IsAssignableFrom(type) && !type.IsAbstract && !type.ContainsGenericParameters
        && !type.Name.Contains('<', StringComparison.Ordinal)
        && type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is not null;

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A type the trimmer removed is one the program never references, "
        + "so it cannot be run: Kart.Run reports it as an unknown task. docs/aot.md says to keep task classes run by name with [DynamicDependency].")]
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
