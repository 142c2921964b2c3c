using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace GoKart;

/// <summary>
/// Whether GoKart's reflection-built code paths are available: tables of records, JSON of non-scalar outputs through
/// the default options, XML, pickle to typed collections, list and dictionary parameters, code tracking from IL, and
/// executors found beside the program. They make generic types over the program's own types at run time or read
/// members the trimmer cannot see, so a trimmed or Native AOT program does not have them (docs/aot.md).
/// </summary>
/// <remarks>
/// The trimmer and the AOT compiler read this property as false (it guards <see cref="RequiresUnreferencedCodeAttribute"/>
/// and <see cref="RequiresDynamicCodeAttribute"/> code) and remove what it guards; a JIT-compiled program gets true.
/// </remarks>
internal static class DynamicCode
{
    private const string Switch = "GoKart.DynamicCode.IsSupported";

    // IL4000: the analyzer cannot see from this body that it is false wherever the guarded code is unavailable. It is:
    // the trimmer and the AOT compiler replace a FeatureGuard property for RequiresUnreferencedCode with false (unreferenced
    // code is what they remove), and at run time Native AOT has no dynamic code. The switch turns the paths off elsewhere.
#pragma warning disable IL4000
    [FeatureSwitchDefinition(Switch)]
    [FeatureGuard(typeof(RequiresUnreferencedCodeAttribute))]
    [FeatureGuard(typeof(RequiresDynamicCodeAttribute))]
    public static bool IsSupported => RuntimeFeature.IsDynamicCodeSupported && SwitchOn;
#pragma warning restore IL4000

    // Read once: the formats ask on every read and write, and an AppContext look-up takes a lock (per-task overhead).
    // A program sets the switch in its runtimeconfig, before any GoKart code runs.
    private static readonly bool SwitchOn = !AppContext.TryGetSwitch(Switch, out var enabled) || enabled;

    /// <summary>The error for a reflection-built feature used in a trimmed or Native AOT program.</summary>
    public static NotSupportedException NotSupported(string what) =>
        new($"{what}: built by reflection at run time, which a trimmed or Native AOT program does not have (docs/aot.md lists what such a program can use).");
}
