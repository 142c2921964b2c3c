using System.Text.RegularExpressions;
using GoKart.Descriptors;

namespace GoKart.CommandLine;

/// <summary>Parameter types as a C# user writes them (<c>int</c>, <c>list&lt;string&gt;</c>), for help and messages.</summary>
internal static partial class TypeText
{
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["String"] = "string", ["Boolean"] = "bool", ["Int32"] = "int", ["Int64"] = "long", ["Int16"] = "short",
        ["Byte"] = "byte", ["SByte"] = "sbyte", ["UInt16"] = "ushort", ["UInt32"] = "uint", ["UInt64"] = "ulong",
        ["Single"] = "float", ["Double"] = "double", ["Decimal"] = "decimal", ["Char"] = "char",
        ["IntPtr"] = "nint", ["UIntPtr"] = "nuint",
    };

    public static string Of(ParameterType type) => Word().Replace(type.DisplayName, m => Keywords.GetValueOrDefault(m.Value, m.Value));

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*\b", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
