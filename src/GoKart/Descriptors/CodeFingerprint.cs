using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;

namespace GoKart.Descriptors;

/// <summary>
/// The code-version text of a task type: its explicit version and/or a fingerprint of its code. The
/// fingerprint is the source hash the GoKart source generator recorded at compile time
/// (<see cref="TaskSourceHashAttribute"/>), the same for Debug and Release; for an assembly compiled without
/// the generator it falls back to an MD5 of the IL of the type's methods, which the compiler's settings change.
/// Metadata tokens in the IL are replaced by the names they resolve to, so that unrelated edits elsewhere
/// in the assembly (which renumber tokens) do not change that fingerprint.
/// </summary>
internal static class CodeFingerprint
{
    private static readonly Lazy<Dictionary<short, OpCode>> OpCodesByValue = new(() =>
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value));

    public static string? Describe(Type type, CodeVersionAttribute? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        var parts = new List<string>(2);
        if (attribute.Version is { } version)
        {
            parts.Add("version=" + version);
        }

        if (attribute.TrackCode)
        {
            parts.Add(SourceHash(type) is { } source ? "source=" + source
                : DynamicCode.IsSupported ? "il=" + Compute(type)
                : throw DynamicCode.NotSupported($"[CodeVersion(TrackCode = true)] on {type.Name} without GoKart's source generator (reading IL)"));
        }

        return parts.Count == 0 ? null : string.Join(';', parts);
    }

    /// <summary>The hash the source generator recorded for the type; null when its assembly was compiled without it.</summary>
    public static string? SourceHash(Type type)
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        var name = definition.FullName;
        return definition.Assembly.GetCustomAttributes<TaskSourceHashAttribute>().FirstOrDefault(a => a.TypeName == name)?.Hash;
    }

    /// <summary>An MD5 over the normalised IL of every method of the type and its nested (compiler-generated) types.</summary>
    [RequiresUnreferencedCode("Reads the IL of the type's methods, which trimming changes.")]
    public static string Compute(Type type)
    {
        var sb = new StringBuilder();
        AppendType(sb, type);
        return GoKart.Hashing.UniqueIdHasher.Hash(sb);
    }

    [RequiresUnreferencedCode("Reads the IL of the type's methods, which trimming changes.")]
    private static void AppendType(StringBuilder sb, Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)).OrderBy(m => m.ToString(), StringComparer.Ordinal);
        foreach (var method in methods)
        {
            sb.Append(method).Append('{');
            if (method.GetMethodBody()?.GetILAsByteArray() is { } il)
            {
                AppendIl(sb, method, il);
            }

            sb.Append('}');
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            // Closure and state machine names carry ordinals that shift with unrelated edits; their bodies are what matter.
            sb.Append("nested{");
            AppendType(sb, nested);
            sb.Append('}');
        }
    }

    [RequiresUnreferencedCode("Resolves the metadata tokens of the IL, which trimming changes.")]
    private static void AppendIl(StringBuilder sb, MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } dt ? dt.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE && i < il.Length)
            {
                value = unchecked((short)(0xFE00 | il[i++]));
            }

            if (!OpCodesByValue.Value.TryGetValue(value, out var op))
            {
                sb.Append('?').Append(value);
                continue;
            }

            sb.Append(op.Name).Append(' ');
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    sb.Append(il[i]);
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    sb.Append(BitConverter.ToInt16(il, i));
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    sb.Append(BitConverter.ToInt64(il, i));
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, i);
                    i += 4;
                    for (var k = 0; k < count; k++, i += 4)
                    {
                        sb.Append(BitConverter.ToInt32(il, i)).Append(',');
                    }

                    break;
                case OperandType.InlineString:
                    sb.Append('"').Append(Resolve(() => module.ResolveString(BitConverter.ToInt32(il, i)))).Append('"');
                    i += 4;
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var token = BitConverter.ToInt32(il, i);
                    sb.Append(Resolve(() => Describe(module.ResolveMember(token, typeArgs, methodArgs))));
                    i += 4;
                    break;
                default:
                    sb.Append(BitConverter.ToInt32(il, i));
                    i += 4;
                    break;
            }

            sb.Append(';');
        }
    }

    private static string Describe(MemberInfo? member) => member switch
    {
        null => "?",
        Type t => t.FullName ?? t.Name,
        _ => $"{member.DeclaringType?.FullName}::{member}",
    };

    private static string Resolve(Func<string> resolve)
    {
        try
        {
            return resolve();
        }
        catch (ArgumentException)
        {
            return "?";
        }
    }
}
