using System.Reflection;
using System.Runtime.InteropServices;

namespace GoKart.Execution;

/// <summary>
/// The module_versions log: <c>Name==Version</c> for every loaded assembly, then the runtime and OS.
/// gokart's is always empty; this one is what reproducing a run needs.
/// </summary>
internal static class ModuleVersions
{
    public static string Describe()
    {
        var lines = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic)
            .Select(a => a.GetName().Name + "==" + VersionOf(a))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        lines.Add("runtime==" + RuntimeInformation.FrameworkDescription);
        lines.Add("os==" + RuntimeInformation.OSDescription);
        lines.Add("architecture==" + RuntimeInformation.ProcessArchitecture);
        return string.Join('\n', lines) + "\n";
    }

    private static string VersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus > 0 ? informational[..plus] : informational;
        }

        return assembly.GetName().Version?.ToString() ?? "0.0.0";
    }
}
