using System.Runtime.CompilerServices;
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
        var sb = new StringBuilder(128);
        AppendRepr(sb, requiredIds, parameters, className, codeVersion);
        return Hash(sb);
    }

    /// <summary>The id of the text in <paramref name="repr"/>: lower-case hex MD5 of its UTF-8 bytes.</summary>
    [SkipLocalsInit] // 2 KiB of stack, of which only what is written is read: not worth zeroing once per task.
    public static string Hash(StringBuilder repr)
    {
        // On the stack when small, as nearly every task's text is: the shared array pools would otherwise be made in a
        // fresh process for this alone, with their event source (about 1 ms of a first load, issue 18).
        const int OnStack = 512;
        if (repr.Length <= OnStack)
        {
            Span<char> chars = stackalloc char[OnStack];
            Span<byte> bytes = stackalloc byte[OnStack * 3];
            repr.CopyTo(0, chars, repr.Length);
            return Hash(chars[..repr.Length], bytes);
        }

        var largeChars = new char[repr.Length];
        repr.CopyTo(0, largeChars, repr.Length);
        return Hash(largeChars, new byte[Encoding.UTF8.GetMaxByteCount(repr.Length)]);
    }

    private static string Hash(ReadOnlySpan<char> text, Span<byte> scratch)
    {
        var count = Encoding.UTF8.GetBytes(text, scratch);
        Span<byte> digest = stackalloc byte[16];
        Md5.HashData(scratch[..count], digest);
        return Hex(digest);
    }

    // A plain loop: Convert.ToHexStringLower's vectorised path is not precompiled and cost a fresh process a few ms of JIT.
    private static string Hex(ReadOnlySpan<byte> digest)
    {
        const string Digits = "0123456789abcdef";
        Span<char> chars = stackalloc char[digest.Length * 2];
        for (var i = 0; i < digest.Length; i++)
        {
            chars[2 * i] = Digits[digest[i] >> 4];
            chars[(2 * i) + 1] = Digits[digest[i] & 0xF];
        }

        return new string(chars);
    }

    public static void AppendRepr(StringBuilder sb, IEnumerable<string> requiredIds, IEnumerable<KeyValuePair<string, string>> parameters, string className, string? codeVersion)
    {
        sb.Append('[');
        foreach (var id in requiredIds)
        {
            AppendRequirement(sb, id);
        }

        sb.Append('{');
        var first = true;
        foreach (var (name, value) in parameters)
        {
            AppendParameter(sb, ref first, name, value);
        }

        AppendEnd(sb, className, codeVersion);
    }

    // The steps below let the graph builder write the same text without materialising sequences per task.

    /// <summary>After <c>[</c>: one required task's id.</summary>
    public static void AppendRequirement(StringBuilder sb, string id)
    {
        PythonRepr.AppendString(sb, id);
        sb.Append(", ");
    }

    /// <summary>After <c>{</c>: one <c>'name': 'value'</c> pair.</summary>
    public static void AppendParameter(StringBuilder sb, ref bool first, string name, string value)
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

    /// <summary>Closes the parameter dict and the list: <c>}, 'ClassName'[, 'code version']]</c>.</summary>
    public static void AppendEnd(StringBuilder sb, string className, string? codeVersion)
    {
        sb.Append("}, ");
        PythonRepr.AppendString(sb, className);
        if (codeVersion is not null)
        {
            sb.Append(", ");
            PythonRepr.AppendString(sb, codeVersion);
        }

        sb.Append(']');
    }
}
