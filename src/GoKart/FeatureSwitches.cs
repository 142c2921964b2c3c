using System.Diagnostics.CodeAnalysis;

namespace GoKart;

/// <summary>
/// Parts of GoKart a program can leave out, as AppContext switches (docs/aot.md). Each is on unless the program turns it
/// off; a Native AOT or trimmed publish that sets one to false with
/// <c>&lt;RuntimeHostConfigurationOption Include="NAME" Value="false" Trim="true" /&gt;</c> does not compile that part in,
/// and using it is then an error naming the switch.
/// </summary>
internal static class FeatureSwitches
{
    /// <summary>The switch behind the <c>.xml</c> format (System.Private.Xml, about a third of a native image).</summary>
    public const string Xml = "GoKart.Formats.Xml.IsSupported";

    /// <summary>The switch behind the <c>.csv</c> and <c>.tsv</c> formats.</summary>
    public const string Csv = "GoKart.Formats.Csv.IsSupported";

    /// <summary>The switch behind the <c>.ndjson</c> / <c>.jsonl</c> format.</summary>
    public const string Ndjson = "GoKart.Formats.Ndjson.IsSupported";

    /// <summary>The switch behind the <c>.npy</c> and <c>.npz</c> formats.</summary>
    public const string Numpy = "GoKart.Formats.Numpy.IsSupported";

    /// <summary>The switch behind the <c>.pkl</c> / <c>.pickle</c> format.</summary>
    public const string Pickle = "GoKart.Formats.Pickle.IsSupported";

    /// <summary>The switch behind the <c>.zip</c> (directory) format.</summary>
    public const string Zip = "GoKart.Formats.Zip.IsSupported";

    /// <summary>The switch behind <c>.gz</c> over any other format.</summary>
    public const string Gzip = "GoKart.Formats.Gzip.IsSupported";

    /// <summary>The switch behind the Slack notification of command-line builds (the HTTP and TLS stack).</summary>
    public const string Slack = "GoKart.Notifications.Slack.IsSupported";

    // The trimmer reads [FeatureSwitchDefinition] and replaces a property by the published value, so code guarded by it
    // is left out; under the JIT the property reads AppContext on each call (no cache, so a test can flip it).
    [FeatureSwitchDefinition(Xml)]
    public static bool IsXmlSupported => IsOn(Xml);

    [FeatureSwitchDefinition(Csv)]
    public static bool IsCsvSupported => IsOn(Csv);

    [FeatureSwitchDefinition(Ndjson)]
    public static bool IsNdjsonSupported => IsOn(Ndjson);

    [FeatureSwitchDefinition(Numpy)]
    public static bool IsNumpySupported => IsOn(Numpy);

    [FeatureSwitchDefinition(Pickle)]
    public static bool IsPickleSupported => IsOn(Pickle);

    [FeatureSwitchDefinition(Zip)]
    public static bool IsZipSupported => IsOn(Zip);

    [FeatureSwitchDefinition(Gzip)]
    public static bool IsGzipSupported => IsOn(Gzip);

    [FeatureSwitchDefinition(Slack)]
    public static bool IsSlackSupported => IsOn(Slack);

    /// <summary>The error for a part the program was published without.</summary>
    public static NotSupportedException Disabled(string what, string switchName) =>
        new($"{what} is not available in this program: the AppContext switch '{switchName}' is false (set by "
            + $"<RuntimeHostConfigurationOption Include=\"{switchName}\" Value=\"false\" /> in its project or runtimeconfig.json). "
            + "Remove that option, or set it to true, to use it.");

    private static bool IsOn(string name) => !AppContext.TryGetSwitch(name, out var on) || on;
}
