using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace GoKart.CommandLine;

/// <summary>
/// <c>--executor NAME</c>: a provider given in <see cref="CommandLineOptions.ExecutorProviders"/>, else one in
/// <c>GoKart.NAME.dll</c> beside the program (referencing the package is enough); configured from <c>[NAME]</c>
/// and <c>[NAME.TaskName]</c> sections.
/// </summary>
internal static class ExecutorResolver
{
    public static ITaskExecutor Create(
        string name, IReadOnlyList<ITaskExecutorProvider> providers, IReadOnlyList<IniFile> files, bool dryRun, TextWriter output, Func<string, string?> getEnvironmentVariable)
    {
        var provider = providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? (DynamicCode.IsSupported ? FindBesideProgram(name) : null)
            ?? throw new CommandLineException(
                $"Unknown executor '{name}'. Reference the GoKart.{Capitalize(name)} package (its GoKart.{Capitalize(name)}.dll must sit beside the program) "
                + "or pass it in CommandLineOptions.ExecutorProviders.");
        var configuration = new ExecutorConfiguration(Sections(provider.Name, files, getEnvironmentVariable), dryRun, output, getEnvironmentVariable);
        try
        {
            return provider.Create(configuration);
        }
        catch (ArgumentException e)
        {
            throw new CommandLineException($"--executor {name}: {e.Message}");
        }
    }

    private static Dictionary<string, IReadOnlyList<ExecutorSetting>> Sections(string name, IReadOnlyList<IniFile> files, Func<string, string?> getEnvironmentVariable)
    {
        var sections = new Dictionary<string, List<ExecutorSetting>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var section in file.Sections)
            {
                string key;
                if (string.Equals(section.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    key = string.Empty;
                }
                else if (section.Name.Length > name.Length + 1 && section.Name.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase))
                {
                    key = section.Name[(name.Length + 1)..];
                }
                else
                {
                    continue;
                }

                if (!sections.TryGetValue(key, out var list))
                {
                    sections[key] = list = [];
                }

                foreach (var entry in section.Entries)
                {
                    var origin = $"{file.Path}:{entry.Line} [{section.Name}] {entry.Key}";
                    list.RemoveAll(s => string.Equals(s.Key, entry.Key, StringComparison.OrdinalIgnoreCase));
                    list.Add(new ExecutorSetting(entry.Key, IniFile.Interpolate(entry.Value, getEnvironmentVariable, origin), origin));
                }
            }
        }

        return sections.ToDictionary(p => p.Key, p => (IReadOnlyList<ExecutorSetting>)p.Value, StringComparer.Ordinal);
    }

    // A GoKart.<Name>.dll beside the program, loaded at run time: a Native AOT program cannot load assemblies.
    [RequiresUnreferencedCode("Loads an assembly beside the program and creates its executor provider by reflection.")]
    [RequiresDynamicCode("Loads an assembly beside the program.")]
    private static ITaskExecutorProvider? FindBesideProgram(string name)
    {
        if (name.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            return null;
        }

        var path = Path.Combine(AppContext.BaseDirectory, $"GoKart.{Capitalize(name)}.dll");
        if (!File.Exists(path))
        {
            return null;
        }

        var assembly = Assembly.Load(AssemblyName.GetAssemblyName(path));
        return assembly.GetExportedTypes()
            .Where(t => typeof(ITaskExecutorProvider).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ITaskExecutorProvider)Activator.CreateInstance(t)!)
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();
}
