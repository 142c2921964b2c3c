using System.Security.Cryptography;
using System.Text;

namespace GoKart.Hashing;

/// <summary>
/// gokart's unique id: MD5 of <c>str([&lt;required ids&gt;..., {&lt;name&gt;: &lt;serialized&gt;, ...}, '&lt;ClassName&gt;'])</c>.
/// Pure: the caller supplies serialized values and requirement ids.
/// </summary>
internal static class UniqueIdHasher
{
    /// <param name="requiredIds">Ids of significant requirements, flattened in Requires() order.</param>
    /// <param name="parameters">Significant parameters: snake_case name and luigi-serialized value, in declaration order.</param>
    /// <param name="className">The class name.</param>
    /// <param name="codeVersion">Extra text for the opt-in code-version check, or null.</param>
    public static string Compute(IEnumerable<string> requiredIds, IEnumerable<KeyValuePair<string, string>> parameters, string className, string? codeVersion)
    {
        var text = Repr(requiredIds, parameters, className, codeVersion);
        Span<byte> hash = stackalloc byte[16];
        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5351 // MD5 is what gokart hashes with; ids are names, not security.
        MD5.HashData(bytes, hash);
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The exact Python text that is hashed (handy in tests and when comparing with gokart).</summary>
    public static string Repr(IEnumerable<string> requiredIds, IEnumerable<KeyValuePair<string, string>> parameters, string className, string? codeVersion)
    {
        var sb = new StringBuilder(128);
        sb.Append('[');
        foreach (var id in requiredIds)
        {
            PythonRepr.AppendString(sb, id);
            sb.Append(", ");
        }

        sb.Append('{');
        var first = true;
        foreach (var (name, value) in parameters)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            PythonRepr.AppendString(sb, name);
            sb.Append(": ");
            PythonRepr.AppendString(sb, value);
        }

        sb.Append("}, ");
        PythonRepr.AppendString(sb, className);
        if (codeVersion is not null)
        {
            sb.Append(", ");
            PythonRepr.AppendString(sb, codeVersion);
        }

        sb.Append(']');
        return sb.ToString();
    }
}
