using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoKart.Execution;

/// <summary>
/// The module_versions log: <c>Name==Version</c> for every loaded assembly, then the runtime and OS.
/// gokart's is always empty; this one is what reproducing a run needs.
/// </summary>
/// <remarks>
/// Names and versions come from <see cref="Assembly.FullName"/> rather than <see cref="Assembly.GetName()"/>: the first
/// <c>AssemblyName</c> of a process sets up culture data, about 8 ms of a fresh process's first build (issue 18,
/// start-up); arrays instead of LINQ for the same reason.
/// </remarks>
internal static class ModuleVersions
{
    public static string Describe()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic)
            {
                var (name, version) = NameAndVersion(assembly);
                var line = name + "==" + (InformationalVersion(assembly) ?? version);
                if (seen.Add(line))
                {
                    lines.Add(line);
                }
            }
        }

        var sorted = lines.ToArray();
        Array.Sort(sorted, StringComparer.OrdinalIgnoreCase);
        return string.Join('\n', sorted) + "\n"
            + "runtime==" + RuntimeInformation.FrameworkDescription + "\n"
            + "os==" + RuntimeInformation.OSDescription + "\n"
            + "architecture==" + RuntimeInformation.ProcessArchitecture + "\n";
    }

    private static string? InformationalVersion(Assembly assembly)
    {
        var informational = RuntimeFeature.IsDynamicCodeSupported
            ? assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            : FirstInformationalVersion(assembly);
        if (string.IsNullOrEmpty(informational))
        {
            return null;
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? informational[..plus] : informational;
    }

    // In a Native AOT program GetCustomAttribute<T> resolves the type of each of the assembly's attributes (to rule out a
    // second match), reading metadata each time: a third of a hello build's process (issue 18, start-up). The attribute
    // cannot be given twice (AllowMultiple = false), so the first match is the answer; the JIT path is left as it was.
    private static string? FirstInformationalVersion(Assembly assembly)
    {
        foreach (var data in assembly.GetCustomAttributesData())
        {
            if (data.AttributeType == typeof(AssemblyInformationalVersionAttribute))
            {
                return data.ConstructorArguments is [{ Value: string value }] ? value : null;
            }
        }

        return null;
    }

    /// <summary>The simple name and version (<c>0.0.0</c> when it has none), as <see cref="AssemblyName"/> gives them.</summary>
    internal static (string Name, string Version) NameAndVersion(Assembly assembly)
    {
        // "Name, Version=1.2.3.4, Culture=neutral, PublicKeyToken=null"; an escaped character (\, or \=) is left to AssemblyName.
        var full = assembly.FullName;
        if (full is null || full.Contains('\\', StringComparison.Ordinal) || full.Contains('"', StringComparison.Ordinal))
        {
            var name = assembly.GetName();
            return (name.Name ?? string.Empty, name.Version?.ToString() ?? "0.0.0");
        }

        var parts = full.Split(',');
        var version = "0.0.0";
        foreach (var part in parts.AsSpan(1))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith("Version=", StringComparison.Ordinal))
            {
                version = trimmed["Version=".Length..];
            }
        }

        return (parts[0].Trim(), version);
    }
}
